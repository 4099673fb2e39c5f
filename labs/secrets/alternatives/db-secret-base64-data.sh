# expect: db-secret pass all checks passed
cat > db-secret.yaml <<YAML
apiVersion: v1
kind: Secret
metadata: {name: db-secret}
type: Opaque
data: {DB_Host: $(echo -n sql01 | base64), DB_User: $(echo -n root | base64), DB_Password: $(echo -n password123 | base64)}
YAML
kubectl apply -f db-secret.yaml
@check db-secret
