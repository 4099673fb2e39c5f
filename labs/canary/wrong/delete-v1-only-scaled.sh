# expect: delete-v1 fail the deployment frontend still exists; delete it
@check canary-share
kubectl scale deployment frontend --replicas=0
kubectl scale deployment frontend-v2 --replicas=5
kubectl rollout status deployment/frontend-v2
@check delete-v1
