# -R/--recursive with -f DIR: subfolders walked in lexical order, only .json/.yaml/.yml read
mkdir -p tree/sub/deeper tree/.hidden empty
cat > tree/a.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-a
YAML
cat > tree/sub/s.yml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-sub
YAML
cat > tree/sub/deeper/x.json <<'JSON'
{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-deep"}}
JSON
cat > tree/.hidden/h.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-hidden
YAML
cat > tree/zz.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-z
YAML
echo 'not a manifest' > tree/notes.txt
kubectl get configmaps
kubectl apply -f tree --dry-run=client
kubectl apply -f tree -R --dry-run=client
kubectl create -f tree --recursive
kubectl get -f tree -R
kubectl get -f tree -R -o name
kubectl describe -f tree/sub -R
kubectl label -f tree -R team=blue
kubectl annotate -f tree --recursive note=x
kubectl patch -f tree -R -p '{"data":{"k":"v"}}'
kubectl replace -f tree -R
kubectl delete -f tree -R
kubectl apply -f empty
kubectl apply -f empty -R
kubectl apply -f empty -f tree --dry-run=client
kubectl apply -f tree -f empty --dry-run=client
kubectl get -f tree/sub
kubectl apply -f nowhere -R
kubectl apply -f tree/notes.txt -R
