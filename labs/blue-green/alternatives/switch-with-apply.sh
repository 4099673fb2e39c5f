# expect: switch-to-green pass all checks passed
kubectl apply -f deployments/hello-green.yaml
kubectl rollout status deployment/hello-green
kubectl apply -f services/hello-green.yaml
@check switch-to-green
