# kubectl api-resources flags (issue 13).
kubectl api-resources --verbs=list --namespaced=false
kubectl api-resources --verbs=get,watch -o name --api-group=apps
kubectl api-resources --verbs=list --verbs=create --api-group=batch
kubectl api-resources --verbs=fly
kubectl api-resources --sort-by=name
kubectl api-resources --sort-by=kind --namespaced=false
kubectl api-resources --sort-by=kind -o wide
kubectl api-resources --sort-by=foo
kubectl api-resources --sort-by
kubectl api-resources --no-headers --api-group=batch
kubectl api-resources --no-headers --api-group=nope
kubectl api-resources -o wide --api-group=batch --no-headers
kubectl api-resources --cached --api-group=batch
kubectl api-resources --categories=all -o name
kubectl api-resources --categories=nope
kubectl api-resources --namespaced
kubectl api-resources --namespaced=maybe
kubectl api-resources -o yaml --api-group=batch
kubectl api-resources -o json --api-group=batch
kubectl api-resources -o kyaml --api-group=policy
kubectl api-resources -o foo
kubectl api-resources extra
