# expect: db-secret fail found no secret db-secret; expected it to exist
kubectl create secret generic db-scret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
@check db-secret
