# get -f and delete -f read their files without validation (no Schema in their builders) and go
# on past a List's bad items: FlattenListVisitor keeps a List's errors, lookups included, together.
cat > li-gizmo.yaml <<'YAML'
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: li-ok
- apiVersion: v1
  kind: Gizmo
  metadata:
    name: g1
- apiVersion: example.com/v1
  kind: Gizmo
  metadata:
    name: g2
YAML
cat > li-noapi.yaml <<'YAML'
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: li-ok
- kind: ConfigMap
  metadata:
    name: li-noapi
YAML
cat > li-nokind.yaml <<'YAML'
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: li-ok
- apiVersion: v1
  metadata:
    name: li-nokind
YAML
cat > unknown-field.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: uf
bogus: 1
data:
  a: b
YAML
cat > mix.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: mix-present
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: mix-missing
---
apiVersion: v1
kind: Secret
metadata:
  name: mix-secret-missing
YAML
cat > gizmo.yaml <<'YAML'
apiVersion: v1
kind: Gizmo
metadata:
  name: g
YAML
printf -- '---\n' > empty.yaml
printf 'a: b: c\n' > bad.yaml
mkdir -p lookups
cp unknown-field.yaml mix.yaml lookups/
kubectl get -f li-noapi.yaml
kubectl get -f li-gizmo.yaml
kubectl delete -f li-gizmo.yaml
kubectl create configmap li-ok
kubectl create configmap mix-present
kubectl get -f li-gizmo.yaml
kubectl get -f li-noapi.yaml
kubectl get -f li-nokind.yaml
kubectl get -f unknown-field.yaml
kubectl get -f mix.yaml
kubectl get -f mix.yaml -f li-noapi.yaml -f lookups
kubectl delete -f unknown-field.yaml
kubectl delete -f li-gizmo.yaml
kubectl create configmap li-ok
kubectl delete -f li-noapi.yaml
kubectl create configmap li-ok
kubectl delete -f li-nokind.yaml
kubectl delete -f mix.yaml -f lookups -f li-nokind.yaml
kubectl get -f empty.yaml
kubectl delete -f empty.yaml
kubectl get -f gizmo.yaml
kubectl delete -f gizmo.yaml
kubectl get -f bad.yaml
kubectl get -f bad.yaml -f mix.yaml
kubectl delete -f bad.yaml
kubectl get -f gizmo.yaml -f unknown-field.yaml -o yaml
kubectl get -f unknown-field.yaml -f li-nokind.yaml -o name
kubectl create configmap li-ok
kubectl create configmap mix-present
kubectl get -f li-noapi.yaml -o name
kubectl get -f li-gizmo.yaml -o name
kubectl get -f mix.yaml -o name
kubectl get -f mix.yaml -f li-noapi.yaml -o name
kubectl get -f li-noapi.yaml --ignore-not-found
kubectl delete configmap li-ok
kubectl get -f li-noapi.yaml --ignore-not-found
kubectl get -f li-gizmo.yaml -o yaml
kubectl get -f gizmo.yaml -o name
kubectl get -f gizmo.yaml -f empty.yaml -o name
kubectl get -f unknown-field.yaml -o name
kubectl get -f unknown-field.yaml -f empty.yaml -o name
# A field of the wrong type fails the typed decode the builder runs for a served kind.
cat > name-map.yaml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name:
    a: b
spec:
  ports:
  - port: 80
YAML
cat > no-name.yaml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  labels: {a: b}
spec:
  ports:
  - port: 80
YAML
cat > namespace-map.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: x
  namespace: {a: b}
YAML
kubectl get -f name-map.yaml -o wide
kubectl get -f name-map.yaml -o name
kubectl delete -f name-map.yaml --wait=false
kubectl get -f no-name.yaml -o wide
kubectl get -f no-name.yaml -o name
kubectl delete -f no-name.yaml --wait=false
kubectl get -f namespace-map.yaml -o wide
kubectl delete -f namespace-map.yaml --wait=false
# In a List, items are read as unstructured objects: a name that is not a string reads empty.
cat > li-name-map.yaml <<'YAML'
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name:
      a: b
YAML
kubectl get -f li-name-map.yaml -o wide
kubectl get -f li-name-map.yaml -o name
kubectl delete -f li-name-map.yaml --wait=false
