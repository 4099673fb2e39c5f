# expect: sidecar fail the pod app in the default namespace was given another container; the logging app is the pod app in the elastic-stack namespace (kubectl -n elastic-stack …)
cat > app.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: default
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
kubectl -n default get pod app
@check
