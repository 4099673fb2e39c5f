# expect: sleeper-3 fail pod ubuntu-sleeper-3 (container ubuntu) runs ["sleep 1200"]: that is one word, so the runtime looks for a program named "sleep 1200"; expected ["sleep","1200"]
sed -i -e 's/- "sleep"/- "sleep 1200"/' -e '/- 1200/d' ubuntu-sleeper-3.yaml
cat ubuntu-sleeper-3.yaml
kubectl create -f ubuntu-sleeper-3.yaml
sleep 5
kubectl get pods
@check
