# expect: green fail pod webapp-color sets APP_COLOR to "pink"; expected the value "green"
kubectl get pod webapp-color -o yaml > webapp-color.yaml
sed -i 's/value: pink/value: green/' webapp-color.yaml
kubectl apply -f webapp-color.yaml
@check green
