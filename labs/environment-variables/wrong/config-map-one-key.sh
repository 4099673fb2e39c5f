# expect: config-map fail ConfigMap webapp-config-map has APP_OTHER missing; expected "disregard"
kubectl create configmap webapp-config-map --from-literal=APP_COLOR=darkblue
@check config-map
