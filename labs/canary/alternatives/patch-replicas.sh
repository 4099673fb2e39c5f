# expect: canary-share pass all checks passed
@check canary-share
kubectl patch deployment frontend-v2 -p '{"spec":{"replicas":1}}'
kubectl rollout status deployment/frontend-v2
@check canary-share
