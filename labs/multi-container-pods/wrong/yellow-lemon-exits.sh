# expect: yellow fail expected every pod to be Ready; not ready: yellow (CrashLoopBackOff)
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
