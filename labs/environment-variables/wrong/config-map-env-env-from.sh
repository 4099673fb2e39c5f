# expect: config-map-env fail pod webapp-color loads every key of webapp-config-map with envFrom (APP_OTHER too); expected only its APP_COLOR key, through env valueFrom.configMapKeyRef
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
    envFrom:
    - configMapRef:
        name: webapp-config-map
YAML
kubectl replace --force -f webapp-color.yaml
sleep 10
kubectl exec webapp-color -- env | grep APP_
@check config-map-env
