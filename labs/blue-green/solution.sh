# Reference solution for the blue-green lab: every graded step must pass.
kubectl get deploy,svc,pods
kubectl exec client -- curl -s http://hello/version
@answer blue-version {"version":"1.0.0"}
kubectl create -f deployments/hello-green.yaml
kubectl rollout status deployment/hello-green
@check
kubectl get svc hello -o wide
kubectl get endpoints hello
@answer green-traffic No: its selector requires version 1.0.0
kubectl set selector service hello 'app=hello,version=2.0.0'
sleep 2
kubectl exec client -- curl -s http://hello/version
@check
kubectl apply -f services/hello-blue.yaml
sleep 2
kubectl exec client -- curl -s http://hello/version
@check
@answer cost Twice the resources while both versions run
@answer versus-rolling All traffic switches at once, after green is fully ready
