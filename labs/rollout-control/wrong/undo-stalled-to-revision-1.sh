# expect: undo-stalled fail kubia runs luksa/kubia:v1; expected luksa/kubia:v2, the image before v3
kubectl set image deployment/kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment/kubia
kubectl set image deployment/kubia nodejs=luksa/kubia:v4 && kubectl rollout pause deployment/kubia
sleep 20
@check canary-pause
kubectl rollout resume deployment/kubia
kubectl rollout status deployment/kubia
@check resume
kubectl rollout undo deployment/kubia --to-revision=2
kubectl rollout status deployment/kubia
@check undo-to-revision
kubectl apply -f kubia-deployment-v3-with-readinesscheck.yaml
sleep 20
@check stalled-rollout
kubectl rollout undo deployment/kubia --to-revision=1
kubectl rollout status deployment/kubia
sleep 30
@check undo-stalled
