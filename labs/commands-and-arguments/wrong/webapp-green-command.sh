# expect: webapp-green fail pod webapp-green (container simple-webapp) runs ["--color","green"]: command replaces the image's ENTRYPOINT ["python","app.py"]; pass these words as args instead; expected ["python","app.py","--color","green"] or ["python","app.py","--color=green"]
kubectl create -f webapp-color-2/webapp-color-pod.yaml
sleep 10
kubectl get pods webapp-green
@check
