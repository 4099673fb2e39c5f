# expect: db-secret fail found no secret db-secret; expected it to exist
cat > db-secret.yaml <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: db-secret
data:
  DB_Host: sql01
  DB_User: root
  DB_Password: password123
YAML
kubectl create -f db-secret.yaml
@check db-secret
