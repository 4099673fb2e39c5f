# expect: sleeper-pod-2 pass all checks passed
cat > pod2.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: ubuntu-sleeper-pod-2
spec:
  containers:
  - name: ubuntu-sleeper
    image: ubuntu-sleeper
    imagePullPolicy: Never
    args:
      - "1000"
YAML
kubectl create -f pod2.yaml
sleep 5
@check
