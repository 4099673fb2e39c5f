# expect: rollback-to-blue pass all checks passed
kubectl create -f deployments/hello-green.yaml
kubectl rollout status deployment/hello-green
kubectl patch service hello -p '{"spec":{"selector":{"version":"2.0.0"}}}'
@check switch-to-green
kubectl set selector svc/hello app=hello,version=1.0.0
@check rollback-to-blue
