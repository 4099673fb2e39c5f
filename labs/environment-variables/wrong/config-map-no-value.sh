# expect: config-map fail found no configmap webapp-config-map; expected it to exist
kubectl create configmap webapp-config-map --from-literal=APP_COLOR --from-literal=APP_OTHER=disregard
@check config-map
