# expect: sleeper-pod pass all checks passed
cat > pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: ubuntu-sleeper-pod
spec:
  containers:
  - name: ubuntu-sleeper
    image: ubuntu-sleeper:latest
    imagePullPolicy: IfNotPresent
    args:
    - "10"
YAML
kubectl apply -f pod.yaml
sleep 5
@check
