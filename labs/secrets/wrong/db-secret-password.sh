# expect: db-secret fail Secret db-secret holds a DB_Password other than password123 (base64 cGFzc3dvcmQxMg==; password123 is cGFzc3dvcmQxMjM=)
kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password12
@check db-secret
