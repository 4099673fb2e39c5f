# expect: webapp-env-from fail pod webapp-pod has envFrom Secret db-secrets; expected the Secret db-secret
kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
@check db-secret
sleep 30
cat > webapp-pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: webapp-pod
  labels:
    name: webapp-pod
spec:
  containers:
  - name: webapp
    image: kodekloud/simple-webapp-mysql
    envFrom:
    - secretRef:
        name: db-secrets
YAML
kubectl replace --force -f webapp-pod.yaml
sleep 10
kubectl get pod webapp-pod
kubectl describe pod webapp-pod | grep Failed
@check webapp-env-from
