# expect: sleeper-3-2000 fail pod ubuntu-sleeper-3 (container ubuntu) runs ["sleep","1200"]; expected ["sleep","2000"]
sed -i 's/- 1200/- "1200"/' ubuntu-sleeper-3.yaml
kubectl create -f ubuntu-sleeper-3.yaml
sed -i 's/1200/2000/' ubuntu-sleeper-3.yaml
kubectl apply -f ubuntu-sleeper-3.yaml
sleep 5
@check
