@lab rolling-updates
sleep 60
kubectl scale deploy frontend --replicas=2 --dry-run=client
kubectl scale deploy frontend --replicas=2 --dry-run=server -o name
kubectl scale deploy frontend --replicas=3 -o jsonpath={.spec.replicas}
kubectl scale deploy --all --replicas=4
kubectl scale deploy frontend nope --replicas=1
kubectl scale deploy nope --replicas=1
kubectl scale deploy frontend --replicas=1 --current-replicas=-2
kubectl scale deploy frontend --replicas=1 --current-replicas=7
kubectl scale deploy frontend --replicas=1 --resource-version=1
kubectl scale deploy frontend webapp --replicas=1 --resource-version=1
kubectl scale deploy frontend --replicas=2 -o foo
kubectl scale deploy frontend --replicas=1 --timeout=x
kubectl scale deploy --replicas=1
kubectl scale --replicas=1
kubectl scale deploy -l app=nothing --replicas=1
kubectl get deploy frontend -o jsonpath={.spec.replicas}
