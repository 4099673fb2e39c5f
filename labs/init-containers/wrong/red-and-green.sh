# expect: red-init-container fail only the pod red should change, but green now has an init container too
cat > red.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: red
spec:
  initContainers:
  - name: init
    image: busybox
    command: ["sleep", "20"]
  containers:
  - name: red-container
    image: busybox:1.28
    command: ["sh", "-c", "echo The app is running! && sleep 3600"]
YAML
kubectl replace --force -f red.yaml
sleep 30
kubectl get pod red
kubectl get pod green -o yaml > green.yaml
sed -i 's/^  containers:/  initContainers:\n  - name: init\n    image: busybox\n    command: ["sleep", "20"]\n  containers:/' green.yaml
kubectl replace --force -f green.yaml
sleep 30
@check
