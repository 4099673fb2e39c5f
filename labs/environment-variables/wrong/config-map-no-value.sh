# expect: config-map fail expected configmaps "webapp-config-map" to exist, but found none
kubectl create configmap webapp-config-map --from-literal=APP_COLOR --from-literal=APP_OTHER=disregard
@check config-map
