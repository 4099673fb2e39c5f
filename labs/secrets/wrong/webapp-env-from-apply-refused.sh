# expect: webapp-env-from fail pod webapp-pod has envFrom none; expected the Secret db-secret
kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
@check db-secret
sleep 30
kubectl get pod webapp-pod -o yaml > webapp-pod.yaml
sed -i 's/^  - image: kodekloud\/simple-webapp-mysql/  - envFrom:\n    - secretRef:\n        name: db-secret\n    image: kodekloud\/simple-webapp-mysql/' webapp-pod.yaml
kubectl apply -f webapp-pod.yaml
@check webapp-env-from
