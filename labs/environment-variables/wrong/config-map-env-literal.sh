# expect: config-map-env fail pod webapp-color takes APP_COLOR from the literal value "darkblue"; expected key APP_COLOR of ConfigMap webapp-config-map
kubectl create configmap webapp-config-map --from-literal=APP_COLOR=darkblue --from-literal=APP_OTHER=disregard
kubectl get pod webapp-color -o yaml > webapp-color.yaml
sed -i 's/value: pink/value: darkblue/' webapp-color.yaml
kubectl replace --force -f webapp-color.yaml
sleep 10
@check config-map-env
