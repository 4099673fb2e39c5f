# expect: create-green fail hello-green has 1 ready pods; expected all 3 ready
kubectl apply -f deployments/hello-green.yaml
kubectl scale deployment hello-green --replicas=1
kubectl rollout status deployment/hello-green
@check create-green
