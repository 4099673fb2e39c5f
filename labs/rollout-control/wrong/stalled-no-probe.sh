# expect: stalled-rollout fail the pods of kubia have no readiness probe on /; apply kubia-deployment-v3-with-readinesscheck.yaml as it is
kubectl set image deployment/kubia nodejs=luksa/kubia:v3
sleep 20
@check stalled-rollout
