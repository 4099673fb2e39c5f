# expect: red-init-container fail pod red (init container init-container) runs ["sleep","2"]; expected ["sleep","20"]
cat > red.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: red
spec:
  initContainers:
  - name: init-container
    image: busybox
    command: ["sleep", "2"]
  containers:
  - name: red-container
    image: busybox:1.28
    command: ["sh", "-c", "echo The app is running! && sleep 3600"]
YAML
kubectl replace --force -f red.yaml
sleep 30
kubectl get pod red
@check
