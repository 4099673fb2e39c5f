# expect: upgrade-to-v2 fail the deployment frontend was deleted and re-created; update the existing deployment instead
kubectl delete deployment frontend
kubectl create deployment frontend --image=kodekloud/webapp-color:v2 --replicas=4 --dry-run=client -o yaml > new.yaml
kubectl apply -f new.yaml
@check
