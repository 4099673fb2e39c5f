@lab rolling-updates
kubectl label pod curl -n kube-public tier=tools
kubectl label pod curl -n kube-public tier=other
kubectl label pod curl -n kube-public tier=other --overwrite
kubectl label pod curl -n kube-public tier-
kubectl label pod curl -n kube-public tier-
kubectl label pod nope a=b
kubectl label deploy frontend env=prod
kubectl get deploy frontend --show-labels
kubectl get deploy -l env=prod
kubectl label deploy frontend 'bad key=x'
kubectl label deploy frontend env=prod --dry-run=client -o name
kubectl annotate deploy frontend owner=me
kubectl annotate deploy frontend owner=you
kubectl annotate deploy frontend owner=you --overwrite
kubectl annotate deploy frontend kubernetes.io/change-cause='image updated'
kubectl annotate deploy frontend owner-
kubectl get deploy frontend -o jsonpath='{.metadata.annotations}'
kubectl label ns default team=a
kubectl get ns --show-labels
kubectl label nodes node01 disk=ssd
kubectl get nodes -l disk=ssd
kubectl label pods -l name=webapp stage=one
kubectl get pods -l stage=one -o name
kubectl label
kubectl label pods --all -A x=y --dry-run=client
kubectl label pods --all --field-selector a=b x=y
kubectl label pods -l a --field-selector metadata.name=nope x=y
kubectl label ns default kube-system a=b --resource-version=1
kubectl label ns default a=c --resource-version=1 --overwrite
kubectl label pod nope -A a=b
kubectl annotate ns default --list
kubectl annotate ns default a=b --list
kubectl annotate ns kube-system default a=b --list
kubectl label ns default z=1 --field-manager=lm
kubectl get ns default -o jsonpath='{.metadata.managedFields[*].manager}'
kubectl create cm fm --from-literal=a=b --field-manager=me -o jsonpath='{.metadata.managedFields[0].manager}'
kubectl create deployment v --image=nginx --validate=bogus --dry-run=client
kubectl create deployment v --image=nginx --validate --dry-run=client -o name
kubectl create deployment v --image=nginx --validate=True --dry-run=client -o name
kubectl apply -f nope.yaml --validate=bogus
