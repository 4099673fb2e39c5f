# expect: fix-orange fail pods "orange": expected one init container, found none
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
