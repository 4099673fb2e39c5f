# expect: red-init-container fail pod red has no init container; expected one
kubectl get pod green -o yaml > green.yaml
sed -i 's/^  containers:/  initContainers:\n  - name: init\n    image: busybox\n    command: ["sleep", "20"]\n  containers:/' green.yaml
kubectl replace --force -f green.yaml
sleep 30
kubectl get pods
@check
