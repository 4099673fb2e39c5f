@lab rolling-updates
sleep 60
kubectl delete pod curl -n kube-public --grace-period=0 --force
kubectl delete pod nope
kubectl delete pod nope --ignore-not-found
kubectl delete svc webapp-service
kubectl delete svc webapp-service
kubectl create deployment orphan --image=nginx --replicas=2
sleep 20
kubectl delete deploy orphan --cascade=orphan
kubectl get rs
kubectl delete rs -l app=orphan
sleep 40
kubectl get pods -l app=orphan
kubectl delete deploy frontend --dry-run=server
kubectl delete deploy frontend --dry-run=client
kubectl delete deploy frontend --cascade=foreground
kubectl delete deploy frontend
kubectl delete pods --all --wait=false
kubectl delete
kubectl delete deploy
kubectl create namespace scratch
kubectl delete namespace scratch
kubectl delete ns default
kubectl delete cm --all -n default
kubectl delete pods -l name=nothing
kubectl delete pod web -o yaml
kubectl delete pods --all -l a=b
kubectl delete pods --all --field-selector a=b
kubectl delete pod web -A
kubectl delete pod web --timeout=x
kubectl delete ns nope -n default
kubectl delete pods --all -A --dry-run=client
kubectl delete pods --all -A --dry-run=client -o name
kubectl delete pods --field-selector metadata.name=nothing
kubectl delete pod web --force --grace-period=0 -o yaml
