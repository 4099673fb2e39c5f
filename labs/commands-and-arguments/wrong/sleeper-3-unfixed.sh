# expect: sleeper-3 fail expected pods "ubuntu-sleeper-3" to exist, but it was not found
kubectl create -f ubuntu-sleeper-3.yaml
@check
