# expect: webapp-env-from fail pod webapp-pod has the labels none; expected name=webapp-pod, which the Service webapp-service selects
kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
@check db-secret
sleep 30
cat > webapp-pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: webapp-pod
spec:
  containers:
  - name: webapp
    image: kodekloud/simple-webapp-mysql
    envFrom:
    - secretRef:
        name: db-secret
YAML
kubectl replace --force -f webapp-pod.yaml
sleep 10
curl -s http://node01:30080
@check webapp-env-from
