# expect: green fail pod webapp-color sets APP_COLOR to nothing; expected the value "green"
kubectl get pod webapp-color -o yaml > webapp-color.yaml
sed -i 's/name: APP_COLOR/name: APP_COLOUR/; s/value: pink/value: green/' webapp-color.yaml
kubectl replace --force -f webapp-color.yaml
sleep 10
@check green
