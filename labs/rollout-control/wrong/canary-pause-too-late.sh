# expect: canary-pause fail the old version no longer serves 2 or more pods: the rollout went too far before it was paused
kubectl set image deployment/kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment/kubia
kubectl set image deployment/kubia nodejs=luksa/kubia:v4
kubectl rollout status deployment/kubia
kubectl rollout pause deployment/kubia
@check canary-pause
