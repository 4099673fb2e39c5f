# expect: canary-pause fail no ReplicaSet runs a luksa/kubia:v4 pod: a paused deployment does not start a rollout, so set the image first and then pause
kubectl set image deployment/kubia nodejs=luksa/kubia:v2
kubectl rollout status deployment/kubia
kubectl rollout pause deployment/kubia
kubectl set image deployment/kubia nodejs=luksa/kubia:v4
sleep 20
@check canary-pause
