# kustomize (issue 13 §1): kubectl kustomize, -k on apply/diff/get/delete. Errors naming the group's
# absolute folder and diffs with changes (temp folder names) are covered by unit tests instead.
mkdir -p app/base app/overlay
cat > app/base/kustomization.yaml <<'EOF2'
resources:
- deployment.yaml
- service.yaml
configMapGenerator:
- name: web-config
  literals:
  - COLOR=blue
EOF2
cat > app/base/deployment.yaml <<'EOF2'
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
        envFrom:
        - configMapRef:
            name: web-config
EOF2
cat > app/base/service.yaml <<'EOF2'
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
cat > app/overlay/kustomization.yaml <<'EOF2'
namespace: default
namePrefix: prod-
labels:
- pairs:
    env: prod
  includeSelectors: true
resources:
- ../base
images:
- name: nginx
  newTag: "1.27"
replicas:
- name: web
  count: 2
EOF2
kubectl kustomize app/overlay
kubectl kustomize app/base
kubectl kustomize app/base app/overlay
kubectl apply -k app/overlay
kubectl apply -k app/overlay
kubectl get -k app/overlay
kubectl get -k app/overlay -o name
kubectl diff -k app/overlay
kubectl apply -k app/overlay -f app/base/service.yaml
kubectl create -k app/base --dry-run=client
kubectl create -k app/base --dry-run=client -o name
sed -i 's/count: 2/count: 3/' app/overlay/kustomization.yaml
kubectl apply -k app/overlay --dry-run=server
kubectl delete -k app/overlay
kubectl get -k app/overlay
kubectl apply -f app/base/service.yaml
kubectl delete -k app/base
kubectl kustomize --help
cat > keep.yaml <<'EOF2'
apiVersion: v1
kind: ConfigMap
metadata:
  name: keep
  labels:
    app: p
data:
  a: "1"
EOF2
cat > old.yaml <<'EOF2'
apiVersion: v1
kind: ConfigMap
metadata:
  name: old
  labels:
    app: p
data:
  b: "2"
EOF2
kubectl apply -f keep.yaml -f old.yaml
kubectl diff --prune -l app=p -f keep.yaml
kubectl diff --prune -f keep.yaml --prune-allowlist=v1/ConfigMap
kubectl diff --prune -f keep.yaml --prune-allowlist=core/v1/Nope
kubectl diff --prune -f keep.yaml --prune-allowlist=apps/v1/Deployment
kubectl diff --prune -l app=other -f keep.yaml --prune-allowlist=core/v1/ConfigMap
mkdir -p shop/app shop/tls
cat > shop/app/kustomization.yaml <<'EOF2'
resources:
- app.yaml
EOF2
cat > shop/app/app.yaml <<'EOF2'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
    app: shop
  ports:
  - port: 80
EOF2
cat > shop/tls/kustomization.yaml <<'EOF2'
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
configMapGenerator:
- name: shop-env
  literals:
  - IMAGE=nginx:1.28
replacements:
- source:
    kind: ConfigMap
    name: shop-env
    fieldPath: data.IMAGE
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.spec.containers.[name=web].image
EOF2
cat > shop/kustomization.yaml <<'EOF2'
namePrefix: prod-
resources:
- app
components:
- tls
replacements:
- source:
    kind: Service
    fieldPath: metadata.name
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.spec.containers.0.env.[name=SERVICE].value
    options:
      create: true
EOF2
kubectl kustomize shop
kubectl apply -k shop
kubectl get -k shop -o name
kubectl delete -k shop
