# expect: red-init-container fail pod red is not ready (Init:ImagePullBackOff); expected it to be Running and Ready
cat > red.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: red
spec:
  initContainers:
  - name: init-container
    image: busybox:9.99
    command: ["sleep", "20"]
  containers:
  - name: red-container
    image: busybox:1.28
    command: ["sh", "-c", "echo The app is running! && sleep 3600"]
YAML
kubectl replace --force -f red.yaml
sleep 30
kubectl get pod red
@check
