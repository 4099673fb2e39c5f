# expect: config-map-env pass all checks passed
kubectl create configmap webapp-config-map --from-literal=APP_COLOR=darkblue --from-literal=APP_OTHER=disregard
cat > webapp-color.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: webapp-color
  labels: {name: webapp-color}
spec:
  containers:
  - name: webapp-color
    image: kodekloud/webapp-color
    env: [{name: APP_COLOR, valueFrom: {configMapKeyRef: {name: webapp-config-map, key: APP_COLOR}}}]
YAML
kubectl delete pod webapp-color
kubectl create -f webapp-color.yaml
sleep 10
@check config-map-env
