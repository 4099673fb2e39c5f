# expect: sleeper-pod fail the container sets `command`, which replaces the image's ENTRYPOINT; give only `args`
kubectl run ubuntu-sleeper-pod --image=ubuntu-sleeper --image-pull-policy=Never --command -- sleep 10
@check
