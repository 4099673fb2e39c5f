# expect: canary-pause fail the rollout of kubia is not paused; pause it right after setting the image
kubectl set image deployment/kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment/kubia
kubectl set image deployment/kubia nodejs=luksa/kubia:v4
sleep 5
@check canary-pause
