# expect: sidecar fail pod app in namespace elastic-stack has no container named sidecar (it has app, filebeat); expected one
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
  - name: filebeat
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
@check
