# expect: sleeper-pod fail the container has not started: `ubuntu-sleeper` is built on the node and in no registry, so it must not be pulled (`imagePullPolicy: Never`, or IfNotPresent)
# The tag latest defaults imagePullPolicy to Always: the kubelet tries a registry that has no such image.
cat > pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: ubuntu-sleeper-pod
spec:
  containers:
  - name: ubuntu-sleeper
    image: ubuntu-sleeper:latest
    args:
    - "10"
YAML
kubectl apply -f pod.yaml
sleep 5
@check
