# expect: sleeper-3 fail found no pod ubuntu-sleeper-3; expected it to exist
kubectl create -f ubuntu-sleeper-3.yaml
@check
