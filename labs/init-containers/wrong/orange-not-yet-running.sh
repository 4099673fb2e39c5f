# expect: fix-orange fail pod orange is not ready (Init:0/1); expected it to be Running and Ready
@check fix-orange
kubectl get pod orange -o yaml > orange.yaml
sed -i 's/sleeeep/sleep/' orange.yaml
kubectl replace --force -f orange.yaml
kubectl get pod orange
@check
