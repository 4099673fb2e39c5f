# expect: create-green fail the pods of hello-green have version label none; expected version=2.0.0, as in deployments/hello-green.yaml
kubectl create deployment hello-green --image=kelseyhightower/hello:2.0.0 --replicas=3
kubectl rollout status deployment/hello-green
@check create-green
