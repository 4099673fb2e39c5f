# expect: sleeper-3-2000 pass all checks passed
sed -i 's/- 1200/- "1200"/' ubuntu-sleeper-3.yaml
kubectl create -f ubuntu-sleeper-3.yaml
sleep 5
@check sleeper-3
sed -i 's/1200/2000/' ubuntu-sleeper-3.yaml
kubectl delete pod ubuntu-sleeper-3
kubectl create -f ubuntu-sleeper-3.yaml
sleep 5
@check
