# expect: promote fail the deployment frontend was deleted; scale it to 0 first (it is deleted in the next step)
@check canary-share
kubectl delete deployment frontend
kubectl scale deployment frontend-v2 --replicas=5
kubectl rollout status deployment/frontend-v2
@check promote
