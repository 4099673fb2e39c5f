# Reference solution for the rollout-control lab: every graded step must pass.
kubectl get deploy,rs,svc,pods
kubectl rollout history deployment/kubia
@answer history-command kubectl rollout history deployment/kubia
kubectl set image deployment/kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment/kubia
@check
kubectl rollout history deployment/kubia
@answer revision-count 2
kubectl set image deployment/kubia nodejs=luksa/kubia:v4 && kubectl rollout pause deployment/kubia
sleep 20
kubectl get rs
@check
for i in 1 2 3 4 5 6 7 8; do kubectl exec client -- wget -qO- -T 2 http://kubia; done
@answer paused-traffic To both the v2 and the v4 pods
kubectl rollout resume deployment/kubia
kubectl rollout status deployment/kubia
@check
kubectl rollout undo deployment/kubia --to-revision=2
kubectl rollout status deployment/kubia
kubectl rollout history deployment/kubia
@check
kubectl apply -f kubia-deployment-v3-with-readinesscheck.yaml
sleep 20
kubectl get pods
@check
kubectl rollout undo deployment/kubia
kubectl rollout status deployment/kubia
sleep 30
kubectl get pods
@check
@answer progress-deadline 10 minutes (600 s)
@answer history-limit The number of old ReplicaSets kept for rollbacks
