# expect: fix-orange fail expected every pod to be Ready; not ready: orange (Init:0/1)
@check fix-orange
kubectl get pod orange -o yaml > orange.yaml
sed -i 's/sleeeep/sleep/' orange.yaml
kubectl replace --force -f orange.yaml
kubectl get pod orange
@check
