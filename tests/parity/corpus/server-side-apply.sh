cat > deploy.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
YAML
cat > cm.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    tier: backend
data:
  COLOR: blue
  MODE: prod
YAML
cat > typo.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: typo
dataa:
  A: b
YAML
kubectl apply --server-side -f deploy.yaml
kubectl apply --server-side -f deploy.yaml
kubectl apply --server-side -f cm.yaml -o yaml
kubectl get cm settings -o yaml --show-managed-fields
kubectl get cm settings -o json
sed -i 's/MODE: prod/MODE: dev/' cm.yaml
sed -i '/COLOR: blue/d' cm.yaml
kubectl apply --server-side -f cm.yaml
kubectl get cm settings -o yaml --show-managed-fields
kubectl scale deploy web --replicas=4
kubectl apply --server-side -f deploy.yaml
kubectl apply --server-side -f deploy.yaml --dry-run=server
kubectl apply --server-side -f deploy.yaml --force-conflicts
kubectl get deploy web -o jsonpath='{.spec.replicas}'
kubectl label deploy web team=blue
sed -i 's/replicas: 2/replicas: 5/' deploy.yaml
kubectl apply --server-side -f deploy.yaml --field-manager=ci
kubectl apply --server-side -f deploy.yaml --field-manager=ci --force-conflicts -o name
kubectl get deploy web -o jsonpath='{range .metadata.managedFields[*]}{.manager} {.operation} {.subresource}{"\n"}{end}'
kubectl apply -f deploy.yaml --force-conflicts
kubectl apply -f deploy.yaml --server-side --dry-run=client
kubectl apply -f deploy.yaml --server-side --force
kubectl apply --server-side -f typo.yaml
kubectl apply --server-side -f typo.yaml --validate=false
kubectl create deployment api --image=nginx --replicas=1
sed -i 's/name: web$/name: api/' deploy.yaml
kubectl apply --server-side -f deploy.yaml
kubectl apply --server-side -f deploy.yaml --dry-run=server -o yaml
kubectl get deploy api -o yaml --show-managed-fields
kubectl create configmap plain --from-literal=a=b
kubectl apply -f cm.yaml
kubectl apply --server-side -f cm.yaml
kubectl get cm settings -o jsonpath='{.metadata.annotations}'
