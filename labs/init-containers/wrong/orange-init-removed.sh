# expect: fix-orange fail pod orange has no init container; expected one
@check fix-orange
cat > orange.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: orange
spec:
  containers:
  - name: orange-container
    image: busybox:1.28
    command: ["sh", "-c", "echo The app is running! && sleep 3600"]
YAML
kubectl replace --force -f orange.yaml
sleep 10
kubectl get pod orange
@check
