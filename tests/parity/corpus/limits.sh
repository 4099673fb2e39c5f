kubectl create quota compute --hard=pods=3,requests.cpu=1,requests.memory=1Gi,limits.cpu=2,limits.memory=2Gi
kubectl create resourcequota objects --hard=count/deployments.apps=1,configmaps=3,services=2,services.nodeports=0
kubectl create quota bad --hard=cpu
kubectl create quota bad --hard=cpu=abc
kubectl create quota scoped --hard=pods=2 --scopes=BestEffort --dry-run=client -o yaml
kubectl create quota wrong --hard=foo=1
sleep 2
kubectl get quota
kubectl get resourcequota compute -o yaml
kubectl describe quota compute
kubectl describe quota objects
kubectl run nolimits --image=nginx
cat > big.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: big
    image: nginx
    resources: {requests: {cpu: "2", memory: 100Mi}, limits: {cpu: "2", memory: 200Mi}}
EOF
kubectl apply -f big.yaml
cat > small.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: small
spec:
  containers:
  - name: small
    image: nginx
    resources: {requests: {cpu: 200m, memory: 128Mi}, limits: {cpu: 500m, memory: 256Mi}}
EOF
kubectl apply -f small.yaml
sleep 2
kubectl describe quota compute
kubectl create deployment web --image=nginx
kubectl create deployment web2 --image=nginx
kubectl create service nodeport np --tcp=80:8080
kubectl create service clusterip cip --tcp=80:8080
kubectl get quota objects
kubectl delete quota compute objects
cat > lr.yaml <<'EOF'
apiVersion: v1
kind: LimitRange
metadata:
  name: cpu-limits
spec:
  limits:
  - type: Container
    max:
      cpu: "1"
    min:
      cpu: 100m
    defaultRequest:
      cpu: 200m
EOF
kubectl apply -f lr.yaml
kubectl get limits
kubectl get limitrange cpu-limits -o yaml
kubectl describe limits cpu-limits
kubectl run defaulted --image=nginx
kubectl get pod defaulted -o jsonpath='{.spec.containers[0].resources}{"\n"}{.metadata.annotations}'
cat > toobig.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: toobig
spec:
  containers:
  - name: toobig
    image: nginx
    resources: {limits: {cpu: "2"}}
EOF
kubectl apply -f toobig.yaml
cat > toosmall.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: toosmall
spec:
  containers:
  - name: toosmall
    image: nginx
    resources: {requests: {cpu: 50m}}
EOF
kubectl apply -f toosmall.yaml
cat > lr-bad.yaml <<'EOF'
apiVersion: v1
kind: LimitRange
metadata:
  name: bad
spec:
  limits:
  - type: Container
    max:
      memory: 1Gi
    min:
      memory: 2Gi
  - type: Pod
    default:
      cpu: "1"
EOF
kubectl apply -f lr-bad.yaml
kubectl delete limits cpu-limits
kubectl get priorityclass
kubectl get pc system-cluster-critical -o json
kubectl describe pc system-cluster-critical
kubectl create priorityclass high --value=1000000 --description="important work"
kubectl create pc default-prio --value=100 --global-default
kubectl create pc second-default --value=50 --global-default
kubectl create pc too-high --value=2000000000
kubectl create pc system-mine --value=10
kubectl create pc never --value=10 --preemption-policy=Never -o yaml
kubectl get pc
kubectl describe pc high
cat > prio.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: prio
spec:
  priorityClassName: high
  containers:
  - name: prio
    image: nginx
EOF
kubectl apply -f prio.yaml
kubectl run noprio --image=nginx
sed -i 's/high/nope/; s/name: prio/name: badprio/' prio.yaml
kubectl apply -f prio.yaml
kubectl get pod prio noprio -o custom-columns=NAME:.metadata.name,CLASS:.spec.priorityClassName,PRIORITY:.spec.priority,POLICY:.spec.preemptionPolicy
kubectl patch pc high -p '{"value":5}'
cat > lease.yaml <<'EOF'
apiVersion: coordination.k8s.io/v1
kind: Lease
metadata:
  name: my-lock
spec:
  holderIdentity: worker-1
  leaseDurationSeconds: 15
EOF
kubectl apply -f lease.yaml
kubectl get lease
kubectl get leases my-lock -o yaml
kubectl create deployment app --image=nginx --port=80
kubectl expose deployment app
kubectl expose deployment app --port=8080 --target-port=80 --name=app-alt --type=NodePort --dry-run=client -o yaml
kubectl expose pod prio --port=80 --name=prio-svc
kubectl expose service app --name=app-copy --dry-run=client -o yaml
kubectl expose pod noprio
kubectl expose configmap kube-root-ca.crt
kubectl expose deployment app --port=http
kubectl expose deployment missing --port=80
kubectl expose deploy
kubectl expose
kubectl get svc
kubectl create service clusterip web-svc --tcp=80:8080 --dry-run=client -o yaml
kubectl create service clusterip headless --clusterip=None
kubectl create service nodeport web-np --tcp=80:8080 --node-port=30080
kubectl create service loadbalancer web-lb --tcp=443:8443 -o yaml --dry-run=client
kubectl create service externalname ext --external-name=example.com
kubectl create service externalname ext2
kubectl create service clusterip noports
kubectl create service nodeport headless2 --clusterip=None
kubectl create service clusterip badport --tcp=abc
kubectl get svc web-np ext
kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=user --docker-password=pass --docker-email=me@example.com
kubectl get secret regcred -o yaml
kubectl create secret docker-registry regcred2 --docker-username=user
kubectl create secret tls tls1 --cert=missing.crt --key=missing.key
kubectl create secret tls tls2 --cert=lr.yaml
cat > expose-fd.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fd
  labels: {tier: web}
spec:
  selector:
    matchLabels: {app: fd}
  template:
    metadata:
      labels: {app: fd}
    spec:
      containers:
      - name: c
        image: nginx
        ports:
        - containerPort: 8080
YAML
cat > expose-app.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
YAML
kubectl expose -f expose-fd.yaml --dry-run=client -o yaml
kubectl expose -f expose-fd.yaml -f expose-fd.yaml --dry-run=client --name=x
kubectl expose -f expose-fd.yaml --dry-run=server
kubectl expose -f expose-app.yaml --port=80
kubectl expose -f expose-fd.yaml deploy/app --port=80
kubectl expose deploy app --port=80 --name=ov --overrides='{"spec":{"type":"NodePort"}}' --dry-run=client -o yaml
kubectl expose deploy app --port=80 --name=ov --overrides='{"spec":{"ports":[{"port":80,"name":"web"}]}}' --override-type=strategic --dry-run=client -o jsonpath={.spec.ports}
kubectl expose deploy app --port=80 --name=ov --overrides='x' --dry-run=client
kubectl expose deploy app --port=80 --name=ov --overrides='{}' --override-type=bogus --dry-run=client
