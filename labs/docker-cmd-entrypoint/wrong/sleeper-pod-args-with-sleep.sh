# expect: sleeper-pod fail pod ubuntu-sleeper-pod (container ubuntu-sleeper-pod) runs ["sleep","sleep","10"]; expected ["sleep","10"]
kubectl run ubuntu-sleeper-pod --image=ubuntu-sleeper --image-pull-policy=Never -- sleep 10
@check
