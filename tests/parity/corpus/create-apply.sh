cat > pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
YAML
cat > deploy.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: nginx:1.25
YAML
cat > cm.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  COLOR: blue
  MODE: prod
YAML
cat > bad-field.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
  - name: c
    image: nginx
    imagePullPolicyy: Always
YAML
cat > bad-name.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: Bad_Name
spec:
  containers:
  - name: c
    image: nginx
YAML
cat > no-image.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: noimage
spec:
  containers:
  - name: c
YAML
cat > broken.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: broken
 spec:
  containers: []
YAML
cat > unknown-kind.yaml <<'YAML'
apiVersion: v1
kind: Widget
metadata:
  name: w
YAML
cat > int-command.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: intcmd
spec:
  containers:
  - name: c
    image: busybox
    command: ["sleep", 1200]
YAML
kubectl create -f pod.yaml
kubectl create -f pod.yaml
kubectl create -f deploy.yaml
kubectl create -f cm.yaml -o name
kubectl create -f cm.yaml --dry-run=server
kubectl create -f bad-field.yaml
kubectl create -f bad-name.yaml
kubectl create -f no-image.yaml
kubectl create -f broken.yaml
kubectl create -f unknown-kind.yaml
kubectl create -f int-command.yaml
kubectl create -f missing.yaml
kubectl create -f bad-field.yaml --validate=false
kubectl create -f bad-field.yaml --validate=warn
sleep 20
kubectl get pods
kubectl get deploy api
kubectl apply -f pod.yaml
kubectl apply -f deploy.yaml
sed -i 's/replicas: 2/replicas: 3/' deploy.yaml
kubectl apply -f deploy.yaml
kubectl apply -f deploy.yaml --dry-run=server
kubectl apply -f deploy.yaml --dry-run=client
kubectl get deploy api -o jsonpath='{.metadata.annotations}'
sed -i 's/image: nginx$/image: nginx:1.27/' pod.yaml
kubectl apply -f pod.yaml
sed -i 's/COLOR: blue/COLOR: green/' cm.yaml
kubectl apply -f cm.yaml
kubectl get cm settings -o yaml
kubectl replace -f cm.yaml
kubectl replace -f pod.yaml
kubectl replace --force -f pod.yaml
sleep 10
kubectl get pods
kubectl apply -f missing.yaml
kubectl apply -f bad-name.yaml
kubectl apply -f broken.yaml
kubectl apply -f pod.yaml -f cm.yaml
kubectl apply --server-side -f cm.yaml
kubectl delete -f cm.yaml
kubectl delete -f cm.yaml
kubectl delete -f cm.yaml --ignore-not-found
kubectl create -f .
kubectl create -f unknown-kind.yaml --validate=false
kubectl apply -f broken.yaml -f unknown-kind.yaml
kubectl apply -f unknown-kind.yaml -f cm.yaml -f no-image.yaml
kubectl replace -f .
kubectl replace --force -f cm.yaml -f broken.yaml
kubectl apply --server-side -f cm.yaml -f deploy.yaml
kubectl create -f unknown-kind.yaml --validate=warn
cat > typed-list.yaml <<'YAML'
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: tl}
  data: {j: [1]}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: tl, labels: {a: [1]}}
  spec:
    replicas: "3"
    selector: {matchLabels: {app: tl}}
    template:
      metadata: {labels: {app: tl}}
      spec:
        containers:
        - image: nginx
          bogus: 1
          env: [{value: x}]
        zzz: 1
YAML
kubectl create --dry-run=client -f typed-list.yaml
kubectl apply -f typed-list.yaml
kubectl apply -f typed-list.yaml --validate=false
cat > sel-two.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: sel-c1
  labels: {app: one}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: sel-c2
  labels: {app: two}
YAML
kubectl create -f sel-two.yaml -l app=one --dry-run=client
kubectl create -f sel-two.yaml -l 'app in (one,two)' --dry-run=server -o name
kubectl create -f sel-two.yaml -l app=none --dry-run=client
kubectl create -f sel-two.yaml -l 'a b'
