# Reference solution for the init-containers lab: every graded step must pass.
kubectl get pods
kubectl describe pod blue | grep -A16 'Init Containers'
@answer pod-with-init blue
@answer init-image busybox
@answer init-state Terminated
@answer init-terminated-why The process completed successfully
kubectl get pods
kubectl describe pod purple | grep -A2 Command
@answer purple-init-count 2
@answer purple-state Pending
@answer purple-ready-time 30 minutes
cat > red.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: red
  namespace: default
spec:
  initContainers:
  - name: red-initcontainer
    image: busybox
    command: ["sleep", "20"]
  containers:
  - name: red-container
    image: busybox:1.28
    command: ["sh", "-c", "echo The app is running! && sleep 3600"]
YAML
kubectl replace --force -f red.yaml
sleep 2
kubectl get pod red
sleep 25
kubectl get pod red
@check
sleep 7
kubectl get pods orange
kubectl logs orange
kubectl logs orange -c init-myservice
kubectl get pod orange -o yaml > orange.yaml
sed -i 's/sleeeep/sleep/' orange.yaml
kubectl replace --force -f orange.yaml
sleep 10
kubectl get pods orange
@check
