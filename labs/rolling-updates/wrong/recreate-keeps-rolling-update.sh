# expect: switch-to-recreate fail deployments "frontend" {.spec.strategy.type}: expected "Recreate", found "RollingUpdate"
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2
kubectl patch deployment frontend -p '{"spec":{"strategy":{"type":"Recreate"}}}'
@check
