kubectl get nope
kubectl get foo
kubectl edit deploy frontend --image=nginx
kubectl get pods nope
kubectl get deploy nope -o yaml
kubectl get secret nope -o yaml
kubectl get pods -o bogus
kubectl get pods -o jsonpath='{.items[}'
kubectl get pods -o jsonpath='{.nope}'
kubectl get pods -o custom-columns=BAD
kubectl get pods --bogus
kubectl get pods -l 'a in'
kubectl get pods --field-selector=bogus=1
kubectl get pods --sort-by=.nope
kubectl bogus
kubectl gett pods
kubectl create
kubectl create bogus
kubectl create deployment
kubectl create deployment x --image=nginx --dry-run=bogus
kubectl create deployment x --image=nginx --replicas=abc
kubectl apply
kubectl apply -f
kubectl run
kubectl run x
kubectl scale
kubectl set image
kubectl logs
kubectl exec
kubectl describe bogus x
kubectl edit nope/x
kubectl patch
kubectl delete nope x
kubectl get pods -n
kubectl --namespace=nope get pods
kubectl get pods --all-namespaces --namespace=default
kubectl api-resources
kubectl api-resources --namespaced=true
kubectl api-resources --namespaced=false
kubectl api-resources -o name
kubectl api-resources -o wide
kubectl version
kubectl version --client
kubectl version -o json
kubectl version -o yaml
kubectl version -o bogus
cat > old-deployment.yaml <<'EOF'
apiVersion: apps/v1beta1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
EOF
kubectl apply -f old-deployment.yaml
kubectl create -f old-deployment.yaml
cat > unknown-kind.yaml <<'EOF'
apiVersion: apps/v1
kind: Rollout
metadata:
  name: kubia
EOF
kubectl apply -f unknown-kind.yaml
kubectl create -f unknown-kind.yaml --validate=false
kubectl get --request-timeout=5x
kubectl logs --request-timeout=5x
kubectl logs a b --request-timeout=5x
kubectl apply --request-timeout=5x
kubectl create configmap --request-timeout=5x
kubectl create configmap x --dry-run=client --request-timeout=5x
kubectl label pods x --request-timeout=5x
kubectl patch pod x --request-timeout=5x
kubectl rollout undo --request-timeout=5x
kubectl rollout status --request-timeout=5x
kubectl port-forward x --request-timeout=5x
kubectl diff --request-timeout=5x
kubectl cordon --request-timeout=5x
kubectl cordon a b --request-timeout=5x
cat > pf.yaml <<'EOF'
metadata:
  labels:
    pf: "1"
EOF
cat > nsd.yaml <<'EOF'
apiVersion: v1
kind: Namespace
metadata:
  name: default
EOF
kubectl patch ns default --patch-file=pf.yaml
kubectl patch ns default --patch-file=nope.yaml
kubectl patch ns default -p {} --patch-file=pf.yaml
kubectl patch -f nsd.yaml -p '{"metadata":{"labels":{"pf":"2"}}}'
kubectl get ns default --show-labels
cat > collection-key.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: collection-key
data:
  ? {[b]: 1, a: {x: [1]}}
  : 2
EOF
kubectl apply -f collection-key.yaml
kubectl create -f collection-key.yaml --dry-run=client
kubectl apply -f collection-key.yaml --dry-run=client -o yaml
# A List's items are typed and mapped one by one (FlattenListVisitor), their errors kept together.
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
kubectl create --dry-run=server -o name -f li-gizmo.yaml
kubectl apply --dry-run=server -f li-gizmo.yaml
kubectl create --validate=false --dry-run=server -o name -f li-noapi.yaml
kubectl create --validate=false --dry-run=server -f li-gizmo.yaml -f li-nokind.yaml
