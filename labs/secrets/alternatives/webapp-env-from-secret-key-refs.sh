# expect: webapp-env-from pass all checks passed
kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
@check db-secret
sleep 30
cat > webapp-pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: webapp-pod
  labels: {name: webapp-pod}
spec:
  containers:
  - name: webapp
    image: kodekloud/simple-webapp-mysql
    env:
    - {name: DB_Host, valueFrom: {secretKeyRef: {name: db-secret, key: DB_Host}}}
    - {name: DB_User, valueFrom: {secretKeyRef: {name: db-secret, key: DB_User}}}
    - {name: DB_Password, valueFrom: {secretKeyRef: {name: db-secret, key: DB_Password}}}
YAML
kubectl delete pod webapp-pod
kubectl create -f webapp-pod.yaml
sleep 10
curl -s http://node01:30080 | grep h3
@check webapp-env-from
