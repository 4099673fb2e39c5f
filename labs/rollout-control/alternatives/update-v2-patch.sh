# expect: update-v2 pass all checks passed
kubectl patch deployment kubia -p '{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","image":"luksa/kubia:v2"}]}}}}'
kubectl rollout status deployment/kubia
@check update-v2
