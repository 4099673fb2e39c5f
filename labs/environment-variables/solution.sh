# Reference solution for the environment-variables lab: every graded step must pass.
kubectl get pods
@answer pod-count 1
kubectl describe pod webapp-color | grep -A2 Environment
@answer env-name APP_COLOR
@answer env-value pink
curl -s http://node01:30080 | grep background
kubectl get pod webapp-color -o yaml > webapp-color.yaml
sed -i 's/value: pink/value: green/' webapp-color.yaml
kubectl replace --force -f webapp-color.yaml
sleep 10
kubectl get pods
curl -s http://node01:30080 | grep background
@check green
kubectl get configmaps
@answer configmap-count 2
kubectl describe configmap db-config
@answer db-host SQL01.example.com
kubectl create configmap webapp-config-map --from-literal=APP_COLOR=darkblue --from-literal=APP_OTHER=disregard
kubectl describe configmap webapp-config-map
@check config-map
cat > webapp-color-cm.yaml <<'YAML'
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
          key: APP_COLOR
YAML
kubectl replace --force -f webapp-color-cm.yaml
sleep 10
kubectl describe pod webapp-color | grep -A2 Environment
curl -s http://node01:30080 | grep background
@check
