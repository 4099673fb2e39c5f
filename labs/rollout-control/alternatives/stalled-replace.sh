# expect: stalled-rollout pass all checks passed
kubectl replace -f kubia-deployment-v3-with-readinesscheck.yaml
sleep 20
@check stalled-rollout
