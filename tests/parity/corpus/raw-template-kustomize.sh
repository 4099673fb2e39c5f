# kubectl's last flags (issue 13 §1): -k on the verbs that take -f, --template on the commands that
# print what they wrote, -R on expose and edit, --raw on get/create/replace/delete.
mkdir -p app
cat > app/kustomization.yaml <<'EOF2'
namePrefix: k-
labels:
- pairs:
    team: blue
resources:
- deployment.yaml
- service.yaml
EOF2
cat > app/deployment.yaml <<'EOF2'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25
EOF2
cat > app/service.yaml <<'EOF2'
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
EOF2
cat > cm.yaml <<'EOF2'
apiVersion: v1
kind: ConfigMap
metadata:
  name: tpl
data:
  color: blue
EOF2
kubectl create -f cm.yaml --template='{{.metadata.name}} {{.data.color}}{{"\n"}}'
kubectl create -f cm.yaml --dry-run=client -o go-template --template='{{.kind}}/{{.metadata.name}}{{"\n"}}'
kubectl create -f cm.yaml --dry-run=client -o go-template='{{.nope.deeper}}'
kubectl create -f cm.yaml --dry-run=client -o go-template='{{.nope}}{{"\n"}}' --allow-missing-template-keys=false
kubectl apply -f cm.yaml --template='{{.metadata.name}}{{"\n"}}'
kubectl apply -f cm.yaml -o go-template --template='{{.data.color}}{{"\n"}}'
kubectl replace -f cm.yaml --template='{{.metadata.name}} replaced{{"\n"}}'
kubectl replace -f cm.yaml --dry-run=client -o name
kubectl replace -f cm.yaml --dry-run=server
kubectl replace -f cm.yaml -o bogus
kubectl apply -k app
kubectl describe -k app
kubectl label -k app tier=web
kubectl annotate -k app note=hi
kubectl get -k app --show-labels
kubectl scale -k app --replicas=2
kubectl scale deployment/k-web --replicas=1 -k app
kubectl set image -k app web=nginx:1.27
kubectl set serviceaccount -k app default
kubectl set serviceaccount deployment/k-web default --dry-run=client -o name
kubectl patch -k app -p '{"metadata":{"labels":{"patched":"yes"}}}'
kubectl get -k app --show-labels
kubectl label -k app -f cm.yaml x=y
kubectl describe
kubectl expose -R -f app/deployment.yaml --port=80 --name=web-r --dry-run=client -o name
kubectl api-resources --show-managed-fields --api-group=apps
kubectl delete -k app
cat > cm.json <<'EOF2'
{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"rawcm"},"data":{"a":"1"}}
EOF2
kubectl get --raw /version
kubectl get --raw /healthz
kubectl get --raw /api
kubectl get --raw /nope
kubectl get --raw api/v1
kubectl get pods --raw /api
kubectl get --raw /api -o yaml
kubectl get --raw /api -l a=b
kubectl get --raw /api/v1/namespaces/default/pods/nope
kubectl get --raw '/api/v1/watch/namespaces/kube-public/configmaps?timeoutSeconds=1'
kubectl create --raw /api/v1/namespaces/default/configmaps -f cm.yaml
kubectl create --raw /x -f cm.json -l a=b
kubectl replace --raw /x -f cm.json -R
kubectl delete --raw /x -i
kubectl delete --raw /x -o name
kubectl delete --raw /api/v1/namespaces/default/configmaps/nope
