# expect: db-secret fail Secret db-secret has the keys DB_Host, DB_user, DB_Password; expected DB_Host, DB_User and DB_Password (key names are case-sensitive)
kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_user=root --from-literal=DB_Password=password123
@check db-secret
