# expect: rollback-to-blue fail the Service hello selects app=hello; expected app=hello,version=1.0.0
kubectl create -f deployments/hello-green.yaml
kubectl rollout status deployment/hello-green
kubectl apply -f services/hello-green.yaml
@check switch-to-green
kubectl apply -f services/hello.yaml
@check rollback-to-blue
