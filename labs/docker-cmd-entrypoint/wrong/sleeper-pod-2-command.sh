# expect: sleeper-pod-2 fail the container sets `command`, which replaces the image's ENTRYPOINT; keep the default ENTRYPOINT and give only `args`
kubectl run ubuntu-sleeper-pod-2 --image=ubuntu-sleeper --image-pull-policy=Never --command -- sleep 1000
sleep 5
@check
