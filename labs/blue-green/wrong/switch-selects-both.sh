# expect: switch-to-green fail the Service hello selects app=hello; expected app=hello,version=2.0.0
kubectl create -f deployments/hello-green.yaml
kubectl rollout status deployment/hello-green
kubectl set selector service hello app=hello
@check switch-to-green
