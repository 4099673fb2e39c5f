@lab rolling-updates
sleep 60
kubectl rollout status deployment/frontend
kubectl rollout status deploy frontend
kubectl rollout history deployment/frontend
kubectl rollout history deployment frontend --revision=1
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2
kubectl set image deployment/frontend nope=kodekloud/webapp-color:v2
kubectl set image deployment/nope simple-webapp=x
kubectl set image deployment/frontend
kubectl rollout status deployment/frontend --watch=false
sleep 200
kubectl rollout status deployment/frontend
kubectl rollout history deployment/frontend
kubectl rollout history deployment/frontend --revision=2
kubectl rollout history deployment/frontend --revision=9
kubectl rollout undo deployment/frontend
kubectl rollout undo deployment/frontend --dry-run=server
sleep 200
kubectl rollout history deployment/frontend
kubectl rollout undo deployment/frontend --to-revision=2
kubectl rollout undo deployment/frontend --to-revision=42
kubectl rollout pause deployment/frontend
kubectl rollout pause deployment/frontend
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v3
kubectl rollout status deployment/frontend --watch=false
kubectl rollout undo deployment/frontend
kubectl rollout resume deployment/frontend
kubectl rollout resume deployment/frontend
sleep 300
kubectl rollout status deployment/frontend
kubectl get rs
kubectl rollout status deployment/nope
kubectl rollout history deploy/nope
kubectl rollout status pod/curl -n kube-public
kubectl rollout
kubectl rollout bogus deployment/frontend
kubectl scale deployment frontend --replicas=6
kubectl scale deployment/frontend --replicas=2
kubectl scale deployment frontend --replicas=-1
kubectl scale deployment frontend
kubectl scale deployment nope --replicas=1
kubectl scale deploy frontend --current-replicas=3 --replicas=5
sleep 60
kubectl get deploy frontend
kubectl patch deployment frontend --type=json -p='[{"op":"remove","path":"/spec/strategy/rollingUpdate"},{"op":"replace","path":"/spec/strategy/type","value":"Recreate"}]'
kubectl patch deployment frontend -p '{"spec":{"replicas":3}}'
kubectl patch deployment frontend --type=merge -p '{"spec":{"minReadySeconds":5}}'
kubectl patch deployment frontend -p '{"spec":{"replicas":3}}'
kubectl patch deployment frontend --type=json -p='[{"op":"remove","path":"/spec/nope"}]'
kubectl patch deployment frontend -p 'not json'
kubectl patch deployment nope -p '{}'
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v3
sleep 120
kubectl get deploy frontend -o jsonpath='{.spec.strategy}'
kubectl describe deploy frontend
# Last: the restart stamps each kubectl's own wall-clock second into the template, so the two
# clusters' ReplicaSet names may differ afterwards.
kubectl rollout restart deployment/frontend
cat > bad-patch.yaml <<'YAML'
spec:
  replicas: 2
 bad: [
YAML
kubectl patch deployment frontend --patch-file bad-patch.yaml
