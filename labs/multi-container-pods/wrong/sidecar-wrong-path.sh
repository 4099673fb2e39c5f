# expect: sidecar fail pod app in namespace elastic-stack (container sidecar) mounts log-volume at /var/log/event_simulator/; expected /var/log/event-simulator/
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
    - mountPath: /var/log/event_simulator/
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
