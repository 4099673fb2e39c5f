# expect: webapp-green fail pod webapp-green (container webapp-green) runs ["--color","green"]: command replaces the image's ENTRYPOINT ["python","app.py"]; pass these words as args instead; expected ["python","app.py","--color","green"] or ["python","app.py","--color=green"]
kubectl run webapp-green --image=kodekloud/webapp-color --command -- --color green
sleep 10
kubectl get pods webapp-green
@check
