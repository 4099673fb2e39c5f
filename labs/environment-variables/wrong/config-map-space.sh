# expect: config-map fail ConfigMap webapp-config-map has APP_COLOR "dark blue"; expected "darkblue"
kubectl create configmap webapp-config-map --from-literal=APP_COLOR='dark blue' --from-literal=APP_OTHER=disregard
@check config-map
