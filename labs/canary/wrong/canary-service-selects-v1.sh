# expect: canary-share fail frontend-service must still select only app=frontend, so that both versions get traffic
@check canary-share
kubectl scale deployment frontend-v2 --replicas=1
kubectl set selector svc frontend-service 'app=frontend,version=v1'
kubectl rollout status deployment/frontend-v2
@check canary-share
