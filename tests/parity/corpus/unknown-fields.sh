cat > bogus-1.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bogus
spec:
  selector:
    matchLabels: {app: bogus}
  template:
    metadata:
      labels: {app: bogus}
    spec:
      containers:
      - name: c
        image: nginx
        bogus: {a: 1}
YAML
cat > bogus-2.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bogus
spec:
  selector:
    matchLabels: {app: bogus}
  template:
    metadata:
      labels: {app: bogus}
    spec:
      containers:
      - name: c
        image: nginx
        bogus: {a: 2}
YAML
kubectl apply -f bogus-1.yaml --validate=false
kubectl apply -f bogus-2.yaml --validate=false
kubectl diff -f bogus-2.yaml
