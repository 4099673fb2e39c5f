# expect: yellow fail pod yellow has no container named lemon (it has lemons, gold); expected one
cat > yellow.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: yellow
spec:
  containers:
  - name: lemons
    image: busybox
    command: ["sleep", "1000"]
  - name: gold
    image: redis
YAML
kubectl create -f yellow.yaml
sleep 10
kubectl get pod yellow
@check
