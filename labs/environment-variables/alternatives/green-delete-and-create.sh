# expect: green pass all checks passed
kubectl get pod webapp-color -o yaml > webapp-color.yaml
sed -i 's/value: pink/value: green/' webapp-color.yaml
kubectl delete pod webapp-color
kubectl create -f webapp-color.yaml
sleep 10
@check green
