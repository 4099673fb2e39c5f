# expect: green pass all checks passed
kubectl delete pod webapp-color
kubectl run webapp-color --image=kodekloud/webapp-color --env="APP_COLOR=green" -l name=webapp-color
sleep 10
@check green
