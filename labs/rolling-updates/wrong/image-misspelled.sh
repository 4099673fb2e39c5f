# expect: upgrade-to-v2 fail deployments "frontend" {.spec.template.spec.containers[?(@.name=="simple-webapp")].image}: expected "kodekloud/webapp-color:v2", found "kodekloud/webapp-colour:v2"
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-colour:v2
@check
