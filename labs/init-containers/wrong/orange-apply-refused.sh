# expect: fix-orange fail pod orange (init container init-myservice) runs ["sh","-c","sleeeep 2;"]; expected ["sleep","2"]
@check fix-orange
sleep 10
kubectl get pod orange -o yaml > orange.yaml
sed -i 's/sleeeep/sleep/' orange.yaml
kubectl apply -f orange.yaml
sleep 10
kubectl get pod orange
@check
