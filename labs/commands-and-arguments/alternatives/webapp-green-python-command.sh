# expect: webapp-green pass all checks passed
cat > webapp-green.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: webapp-green
spec:
  containers:
  - name: simple-webapp
    image: kodekloud/webapp-color
    command: ["python", "app.py"]
    args: ["--color", "green"]
YAML
kubectl create -f webapp-green.yaml
sleep 5
@check
