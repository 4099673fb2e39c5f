# kubectl __complete per command: flag values, subcommands and resource names, as cobra answers them.
kubectl create deployment web --image=nginx
kubectl create configmap cfg
kubectl __complete get pods ''
kubectl __complete get deploy ''
kubectl __complete get -o ''
kubectl __complete -n ''
kubectl __complete run x --restart ''
kubectl __complete run x --override-type ''
kubectl __complete run x --dry-run ''
kubectl __complete create secret ''
kubectl __complete create secret tls x --cert ''
kubectl __complete scale ''
kubectl __complete rollout status deployment ''
kubectl __complete delete cm ''
kubectl __complete config ''
kubectl __complete explain ''
kubectl __complete expose deploy ''
kubectl __complete get pods --sort-by ''
kubectl __complete run --
kubectl __complete wait --for ''
