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
