# expect: switch-to-recreate fail deployment frontend has strategy RollingUpdate; expected Recreate
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2
kubectl patch deployment frontend -p '{"spec":{"strategy":{"type":"Recreate"}}}'
@check
