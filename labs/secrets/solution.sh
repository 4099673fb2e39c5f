# Reference solution for the secrets lab: every graded step must pass.
kubectl get secrets
@answer secret-count 1
kubectl describe secret dashboard-token
@answer secret-key-count 3
@answer secret-type kubernetes.io/service-account-token
@answer not-secret-data type
sleep 30
kubectl get pods,svc
curl -s http://node01:30080 | grep -E 'h3|h2'
kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
kubectl describe secret db-secret
kubectl get secret db-secret -o yaml
echo -n 'cGFzc3dvcmQxMjM=' | base64 --decode
@check db-secret
kubectl get pod webapp-pod -o yaml > webapp-pod.yaml
sed -i 's/^  - image: kodekloud\/simple-webapp-mysql/  - envFrom:\n    - secretRef:\n        name: db-secret\n    image: kodekloud\/simple-webapp-mysql/' webapp-pod.yaml
kubectl replace --force -f webapp-pod.yaml
sleep 10
kubectl describe pod webapp-pod | grep -A2 'Environment Variables from'
curl -s http://node01:30080 | grep -E 'h3|h2'
@check
