# expect: rollback-to-blue fail production has not been switched to green yet; do the previous task first
kubectl apply -f services/hello-blue.yaml
@check rollback-to-blue
