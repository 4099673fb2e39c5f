# expect: resume fail the rollout of kubia is still paused; resume it
kubectl set image deployment/kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment/kubia
kubectl set image deployment/kubia nodejs=luksa/kubia:v4 && kubectl rollout pause deployment/kubia
sleep 20
@check canary-pause
kubectl rollout restart deployment/kubia
sleep 30
@check resume
