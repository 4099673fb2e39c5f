# Reference solution for the multi-container-pods lab: every graded step must pass.
kubectl get pods
@answer red-container-count 3
kubectl describe pod blue | grep -B1 'Container ID'
@answer blue-container-names teal & navy
cat > yellow.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: yellow
spec:
  containers:
  - name: lemon
    image: busybox
    command: ["sleep", "1000"]
  - name: gold
    image: redis
YAML
kubectl create -f yellow.yaml
sleep 10
kubectl get pod yellow
@check
kubectl get pods -n elastic-stack
sleep 120
kubectl get pods -n elastic-stack
kubectl -n elastic-stack logs kibana | tail -1
kubectl -n elastic-stack get pod app
@answer app-container-count 1
kubectl -n elastic-stack exec app -- grep -m 2 Login /log/app.log
@answer login-issues USER5
kubectl -n elastic-stack get pod app -o yaml > app.yaml
cat > app.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: elastic-stack
  labels:
    name: app
spec:
  containers:
  - name: app
    image: kodekloud/event-simulator
    volumeMounts:
    - mountPath: /log
      name: log-volume
  - name: sidecar
    image: kodekloud/filebeat-configured
    volumeMounts:
    - mountPath: /var/log/event-simulator/
      name: log-volume
  volumes:
  - name: log-volume
    hostPath:
      path: /var/log/webapp
      type: DirectoryOrCreate
YAML
kubectl replace --force -f app.yaml
sleep 20
kubectl -n elastic-stack get pod app
kubectl logs app -n elastic-stack | head -2
@check
sleep 60
curl -s http://controlplane:30200/_cat/indices | grep filebeat
