# expect: update-v2 fail the deployment kubia was deleted and re-created, which loses its revisions; update the existing one
kubectl delete deployment kubia
sed 's/kubia:v1/kubia:v2/' kubia-deployment-v1.yaml | kubectl create -f -
kubectl rollout status deployment/kubia
@check update-v2
