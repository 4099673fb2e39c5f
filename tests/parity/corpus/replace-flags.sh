# kubectl replace's delete flags (issue 13): --cascade, --grace-period, --timeout, --wait, --subresource.
# A --timeout that runs out is measured on the wall clock against the harness's held one: replace.test.ts covers it.
cat > rcm.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: rcm
data:
  a: "1"
YAML
kubectl create -f rcm.yaml
kubectl replace -f rcm.yaml --grace-period=5
kubectl replace -f rcm.yaml --grace-period=0
kubectl replace -f rcm.yaml --timeout=5s
kubectl replace -f rcm.yaml --timeout=bogus
kubectl replace -f rcm.yaml --force --dry-run=client
kubectl replace -f rcm.yaml --force --dry-run=server
kubectl replace -f rcm.yaml --cascade=bogus
kubectl replace -f rcm.yaml --cascade=orphan
kubectl replace -f rcm.yaml --cascade=false
kubectl replace -f rcm.yaml --subresource=bogus
kubectl replace -f rcm.yaml --wait
kubectl replace -f rcm.yaml --force --cascade=foreground
kubectl replace -f rcm.yaml --force --wait --timeout=30s
kubectl replace -f rcm.yaml --force --grace-period=0
