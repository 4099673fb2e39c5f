# expect: db-secret fail expected secrets "db-secret" to exist, but found none
kubectl create secret generic db-scret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
@check db-secret
