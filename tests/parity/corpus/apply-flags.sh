# kubectl apply's selector, prune and delete flags (issue 13).
cat > two.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: l1
  labels:
    app: a
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: l2
  labels:
    app: b
YAML
cat > one.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: l1
  labels:
    app: a
YAML
# Printed once every object went through: several as one v1 List (apply.go printObjects).
kubectl apply -f two.yaml -o yaml --dry-run=server
kubectl apply -f two.yaml -o jsonpath='{.kind} {.items[*].metadata.name}' --dry-run=server
kubectl apply -f two.yaml -o name --dry-run=client
kubectl apply -f two.yaml -l app=a --dry-run=client
kubectl apply -f two.yaml -l app=c --dry-run=client
kubectl apply -f two.yaml -l 'app in (' --dry-run=client
kubectl apply -f two.yaml --all -l app=a
kubectl apply -f two.yaml --cascade=bogus
kubectl apply -f two.yaml --timeout=bogus
kubectl apply -f two.yaml --overwrite=false --openapi-patch=false --wait --grace-period=3 --timeout=5s --cascade=orphan
kubectl apply -f one.yaml --prune
kubectl apply -f one.yaml --prune --all --force
kubectl apply -f one.yaml --prune --all --server-side
kubectl apply -f one.yaml --prune --all --prune-allowlist=bogus
kubectl apply -f one.yaml --prune --all --prune-allowlist=core/v1/Nope
kubectl apply -f one.yaml --prune -l app=b
kubectl apply -f one.yaml --prune --all --dry-run=client
kubectl apply -f one.yaml --prune --all --prune-allowlist=core/v1/ConfigMap --dry-run=client
kubectl apply -f one.yaml --prune --all --prune-allowlist=core/v1/ConfigMap --dry-run=server
kubectl apply -f one.yaml --prune --all --prune-allowlist=core/v1/ConfigMap -o name
kubectl get configmaps
kubectl apply -f two.yaml
kubectl apply -f one.yaml --prune -l app=a --prune-allowlist=core/v1/ConfigMap
kubectl get configmaps
cat > dep1.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fdep
spec:
  replicas: 1
  selector:
    matchLabels:
      app: one
  template:
    metadata:
      labels:
        app: one
    spec:
      containers:
      - name: c
        image: nginx
YAML
sed 's/app: one/app: two/' dep1.yaml > dep2.yaml
kubectl apply -f dep1.yaml
kubectl apply -f dep2.yaml --force
kubectl get deploy fdep -o jsonpath='{.spec.selector}'
kubectl apply -f dep1.yaml --force --dry-run=client
kubectl apply -f one.yaml --subresource=status
kubectl apply -f one.yaml --subresource=status --server-side --dry-run=server
kubectl apply -f one.yaml --subresource=status --server-side
