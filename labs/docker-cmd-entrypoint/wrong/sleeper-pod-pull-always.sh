# expect: sleeper-pod fail the container has not started: `ubuntu-sleeper` is built on the node and in no registry, so it must not be pulled (`imagePullPolicy: Never`, or IfNotPresent)
kubectl run ubuntu-sleeper-pod --image=ubuntu-sleeper --image-pull-policy=Always -- 10
sleep 10
kubectl get pods
@check
