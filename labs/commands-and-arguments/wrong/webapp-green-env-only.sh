# expect: webapp-green fail pod webapp-green (container webapp-green) runs ["python","app.py"] (the image default: no command or args are set); expected ["python","app.py","--color","green"] or ["python","app.py","--color=green"]
kubectl run webapp-green --image=kodekloud/webapp-color --env=APP_COLOR=green
sleep 5
kubectl logs webapp-green | grep -i color
@check
