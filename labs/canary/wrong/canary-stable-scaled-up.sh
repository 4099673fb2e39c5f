# expect: canary-share fail frontend has 9 replicas; keep it at 5 and change the size of frontend-v2 instead
@check canary-share
kubectl scale deployment frontend --replicas=9
kubectl rollout status deployment/frontend
kubectl rollout status deployment/frontend-v2
@check canary-share
