# expect: yellow pass all checks passed
cat > yellow.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: yellow
spec:
  containers:
  - name: gold
    image: redis:alpine
  - name: lemon
    image: busybox:1.28
    args: ["sleep", "1000"]
YAML
kubectl create -f yellow.yaml
sleep 10
kubectl get pod yellow
@check
