# expect: resume fail there is no paused canary to resume yet; do the previous task first
kubectl set image deployment/kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment/kubia
kubectl set image deployment/kubia nodejs=luksa/kubia:v4
kubectl rollout status deployment/kubia
@check resume
