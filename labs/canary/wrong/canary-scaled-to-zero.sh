# expect: canary-share fail no frontend-v2 pod is ready, so the canary gets no traffic; keep at least one running
@check canary-share
kubectl scale deployment frontend-v2 --replicas=0
sleep 40
@check canary-share
