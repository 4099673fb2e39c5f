# expect: promote fail frontend has 5 replicas; scale it to 0
@check canary-share
kubectl scale deployment frontend-v2 --replicas=5
kubectl rollout status deployment/frontend-v2
@check promote
