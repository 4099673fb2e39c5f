# Reference solution for the rolling-updates lab: every graded step must pass.
kubectl get pods
kubectl get svc
@answer current-color blue
./curl-test.sh | head -4
kubectl get deploy frontend
@answer pod-count 4
@answer image kodekloud/webapp-color:v1
@answer strategy RollingUpdate
@answer upgrade-behaviour PODs are upgraded few at a time
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2
@check
kubectl rollout status deployment/frontend
@answer max-down 1
kubectl patch deployment frontend --type=json -p='[{"op":"remove","path":"/spec/strategy/rollingUpdate"},{"op":"replace","path":"/spec/strategy/type","value":"Recreate"}]'
@check
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v3
kubectl rollout status deployment/frontend
@check
