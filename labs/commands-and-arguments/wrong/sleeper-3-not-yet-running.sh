# expect: sleeper-3-2000 fail expected every pod to be Ready; not ready: ubuntu-sleeper-3 (ContainerCreating)
sed -i 's/- 1200/- "2000"/' ubuntu-sleeper-3.yaml
kubectl create -f ubuntu-sleeper-3.yaml
@check
