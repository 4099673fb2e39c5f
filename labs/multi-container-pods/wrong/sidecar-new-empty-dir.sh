# expect: sidecar fail pod app in namespace elastic-stack (container sidecar) mounts volume sidecar-logs (an emptyDir) at /var/log/event-simulator/; expected volume log-volume there
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
      name: sidecar-logs
  volumes:
  - name: log-volume
    hostPath:
      path: /var/log/webapp
      type: DirectoryOrCreate
  - name: sidecar-logs
    emptyDir: {}
YAML
kubectl replace --force -f app.yaml
sleep 20
kubectl -n elastic-stack get pod app
@check
