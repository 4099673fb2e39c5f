# expect: create-green fail hello-green runs kelseyhightower/hello:1.0.0; expected kelseyhightower/hello:2.0.0
sed 's/hello:2.0.0/hello:1.0.0/' deployments/hello-green.yaml | kubectl apply -f -
kubectl rollout status deployment/hello-green
@check create-green
