# expect: upgrade-to-v2 fail deployment frontend (container simple-webapp) has image kodekloud/webapp-colour:v2; expected kodekloud/webapp-color:v2
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-colour:v2
@check
