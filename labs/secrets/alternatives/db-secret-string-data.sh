# expect: db-secret pass all checks passed
cat > db-secret.yaml <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: db-secret
stringData:
  DB_Host: sql01
  DB_User: root
  DB_Password: password123
YAML
kubectl create -f db-secret.yaml
@check db-secret
