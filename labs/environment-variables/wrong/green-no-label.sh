# expect: green fail pod webapp-color has the labels run=webapp-color; expected name=webapp-color, which the Service webapp-color-service selects
kubectl delete pod webapp-color
kubectl run webapp-color --image=kodekloud/webapp-color --env=APP_COLOR=green
sleep 10
curl -s http://node01:30080
@check green
