# Manifests a learner breaks, read by apply and create against the cluster (the whole table is
# src/kubectl/testdata/broken-manifests.json).
cat > two.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: a
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
  labels
    x: y
YAML
kubectl apply -f two.yaml
kubectl create -f two.yaml
cat > dup.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: dup
  name: dup2
data:
  a: "1"
  a: "2"
YAML
kubectl apply -f dup.yaml
kubectl get cm dup2 -o jsonpath={.data}
cat > quote.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: "web
    image: nginx
YAML
kubectl apply -f quote.yaml
kubectl create -f quote.yaml --validate=false
cat > colon.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web: x
YAML
kubectl apply -f colon.yaml
cat > dash.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
    image: nginx
YAML
kubectl apply -f dash.yaml
kubectl apply -f dash.yaml -f dup.yaml
