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
    args: ["--color=green"]
YAML
kubectl apply -f webapp-green.yaml
sleep 5
kubectl logs webapp-green | grep Color
@check
