# expect: sleeper-pod-2 fail pod ubuntu-sleeper-pod-2 (container ubuntu-sleeper-pod-2) has image ubuntu; expected one matching /^ubuntu-sleeper(:latest)?$/
kubectl run ubuntu-sleeper-pod-2 --image=ubuntu -- 1000
sleep 5
@check
