# expect: yellow fail pod yellow is not ready (CrashLoopBackOff); expected it to be Running and Ready
cat > yellow.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: yellow
spec:
  containers:
  - name: lemon
    image: busybox
  - name: gold
    image: redis
YAML
kubectl create -f yellow.yaml
sleep 10
kubectl get pod yellow
@check
