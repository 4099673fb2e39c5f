# expect: undo-to-revision fail kubia runs luksa/kubia:v1; expected luksa/kubia:v2, the image of revision 2
kubectl set image deployment/kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment/kubia
kubectl set image deployment/kubia nodejs=luksa/kubia:v4 && kubectl rollout pause deployment/kubia
sleep 20
@check canary-pause
kubectl rollout resume deployment/kubia
kubectl rollout status deployment/kubia
@check resume
kubectl rollout undo deployment/kubia --to-revision=1
kubectl rollout status deployment/kubia
@check undo-to-revision
