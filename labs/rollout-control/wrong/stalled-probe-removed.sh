# expect: stalled-rollout fail the pods of kubia have no readiness probe on /; apply kubia-deployment-v3-with-readinesscheck.yaml as it is
head -n 24 kubia-deployment-v3-with-readinesscheck.yaml | kubectl apply -f -
sleep 20
@check stalled-rollout
