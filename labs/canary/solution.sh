# Reference solution for the canary lab: every graded step must pass.
kubectl describe deployment frontend | grep StrategyType
@answer strategy RollingUpdate
kubectl get svc -o wide
@answer service frontend-service
@check canary-share
kubectl get deployments
kubectl scale deployment frontend-v2 --replicas=1
kubectl rollout status deployment/frontend-v2
sleep 5
./curl-test.sh | grep -c v2
@check
@answer canary-percent About 17 %
kubectl scale deployment frontend --replicas=0
kubectl scale deployment frontend-v2 --replicas=5
kubectl rollout status deployment/frontend-v2
@check
kubectl delete deployment frontend
@check
kubectl get deploy frontend
