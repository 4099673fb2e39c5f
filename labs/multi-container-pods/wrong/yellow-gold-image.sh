# expect: yellow fail pod yellow (container gold) has image nginx; expected one matching /^redis(:[\w.-]+)?$/
cat > yellow.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: yellow
spec:
  containers:
  - name: lemon
    image: busybox
    command: ["sleep", "1000"]
  - name: gold
    image: nginx
YAML
kubectl create -f yellow.yaml
sleep 10
kubectl get pod yellow
@check
