# expect: red-init-container fail pod red (init container init) runs ["sleep 20"]: that is one word, so the runtime looks for a program named "sleep 20"; expected ["sleep","20"]
cat > red.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: red
spec:
  initContainers:
  - name: init
    image: busybox
    command: ['sleep 20']
  containers:
  - name: red-container
    image: busybox:1.28
    command: ["sh", "-c", "echo The app is running! && sleep 3600"]
YAML
kubectl replace --force -f red.yaml
sleep 30
kubectl get pod red
@check
