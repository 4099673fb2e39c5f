# expect: config-map-env fail pod webapp-color takes APP_COLOR from key APP_COLOUR of ConfigMap webapp-config-map; expected key APP_COLOR of ConfigMap webapp-config-map
kubectl create configmap webapp-config-map --from-literal=APP_COLOR=darkblue --from-literal=APP_OTHER=disregard
cat > webapp-color.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: webapp-color
  labels:
    name: webapp-color
spec:
  containers:
  - name: webapp-color
    image: kodekloud/webapp-color
    env:
    - name: APP_COLOR
      valueFrom:
        configMapKeyRef:
          name: webapp-config-map
          key: APP_COLOUR
YAML
kubectl replace --force -f webapp-color.yaml
sleep 10
kubectl get pod webapp-color
kubectl describe pod webapp-color | grep -A3 Events
@check config-map-env
