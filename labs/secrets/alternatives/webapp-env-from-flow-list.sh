# expect: webapp-env-from pass all checks passed
kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
@check db-secret
sleep 30
cat > webapp-pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata: {name: webapp-pod, labels: {name: webapp-pod}}
spec:
  containers: [{name: webapp, image: kodekloud/simple-webapp-mysql, envFrom: [{secretRef: {name: db-secret}}]}]
YAML
kubectl replace --force -f webapp-pod.yaml
sleep 10
@check webapp-env-from
