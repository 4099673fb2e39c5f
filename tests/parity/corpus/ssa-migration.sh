cat > mig.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: mig
data:
  a: "1"
  b: "2"
YAML
cat > mig2.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: mig
data:
  a: "1"
YAML
cat > ops.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: ops
  labels:
    team: ops
data:
  x: "1"
YAML
kubectl get namespace default -o name
kubectl apply -f mig.yaml
kubectl apply --server-side -f mig.yaml
kubectl get cm mig -o yaml --show-managed-fields
kubectl apply --server-side -f mig2.yaml
kubectl get cm mig -o yaml --show-managed-fields
kubectl apply -f mig.yaml
kubectl get cm mig -o yaml --show-managed-fields
kubectl apply -f ops.yaml
kubectl apply --server-side --field-manager=ops -f ops.yaml
kubectl get cm ops -o yaml --show-managed-fields
kubectl apply --server-side --dry-run=server -f ops.yaml -o yaml --show-managed-fields
kubectl apply --server-side -f ops.yaml -o name
kubectl get cm ops -o yaml --show-managed-fields
kubectl create configmap probe -o jsonpath={.metadata.resourceVersion}
