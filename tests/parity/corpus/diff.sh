# kubectl diff (issue 13): the lines whose output has no temp folder names or file times.
cat > cm.yaml <<'EOF2'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  COLOR: blue
EOF2
kubectl apply -f cm.yaml
kubectl diff -f cm.yaml
kubectl diff
kubectl diff -f cm.yaml extra
kubectl diff -f cm.yaml --dry-run=server
kubectl diff -f nope.yaml
kubectl diff -f cm.yaml --force-conflicts
kubectl diff --help
cat > secret.yaml <<'EOF2'
apiVersion: v1
kind: Secret
metadata:
  name: creds
  labels:
    app: web
stringData:
  user: admin
  pass: one
EOF2
kubectl apply -f secret.yaml
kubectl diff -f secret.yaml
kubectl diff -f secret.yaml -f cm.yaml --concurrency=2
kubectl diff -f secret.yaml -l app=web
kubectl diff -f secret.yaml -l app=other
kubectl diff -f secret.yaml --selector 'a b'
