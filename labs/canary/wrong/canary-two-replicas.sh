# expect: canary-share fail frontend-v2 runs 2 of the 7 ready pods behind frontend-service, 20 % or more of the traffic; expected less than 20 %
@check canary-share
kubectl rollout status deployment/frontend-v2
@check canary-share
