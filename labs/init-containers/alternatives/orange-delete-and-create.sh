# expect: fix-orange pass all checks passed
@check fix-orange
kubectl get pod orange -o yaml > orange.yaml
sed -i 's/sleeeep 2;/sleep 2/' orange.yaml
kubectl delete pod orange
kubectl create -f orange.yaml
sleep 10
kubectl get pod orange
@check
