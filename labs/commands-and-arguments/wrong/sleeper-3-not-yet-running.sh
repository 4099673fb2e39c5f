# expect: sleeper-3-2000 fail pod ubuntu-sleeper-3 is not ready (ContainerCreating); expected it to be Running and Ready
sed -i 's/- 1200/- "2000"/' ubuntu-sleeper-3.yaml
kubectl create -f ubuntu-sleeper-3.yaml
@check
