@lab rolling-updates
sleep 90
kubectl describe deployment frontend
kubectl describe deploy frontend
kubectl describe deploy
kubectl describe rs
kubectl describe svc webapp-service
kubectl describe service
kubectl describe endpoints webapp-service
kubectl describe node node01
kubectl describe nodes controlplane
kubectl describe ns default
kubectl describe pod -n kube-public curl
kubectl describe pods -l name=webapp
kubectl describe deploy nope
kubectl describe pod nope
kubectl describe nopes
kubectl describe
kubectl describe deployments.apps frontend
kubectl describe deploy/frontend
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2
sleep 5
kubectl describe deploy frontend
kubectl get rs
sleep 120
kubectl describe deploy frontend
kubectl describe rs
kubectl describe pod etcd -A
kubectl describe pods -l nothing=x -A
kubectl describe pods -l nothing=x
kubectl describe cm -A
kubectl describe
cat > nsd.yaml <<'EOF'
apiVersion: v1
kind: Namespace
metadata:
  name: default
EOF
kubectl describe -f nsd.yaml
kubectl describe deploy frontend --show-events=false
kubectl describe pods --show-events=false
kubectl describe cm kube-root-ca.crt --show-events=false
kubectl describe svc --show-events=false
kubectl describe deploy frontend --chunk-size=1
kubectl describe deploy frontend --chunk-size=x
kubectl describe deploy frontend --show-events=maybe
