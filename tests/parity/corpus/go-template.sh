@lab rolling-updates
sleep 60
kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'
kubectl get deploy frontend -o go-template='{{.spec.replicas}} {{.metadata.name}}{{"\n"}}'
kubectl get deploy frontend -o template='{{.spec.strategy.type}}{{"\n"}}'
kubectl get deploy frontend --template='{{.kind}}{{"\n"}}'
kubectl get deploy frontend -o go-template --template='{{.kind}}{{"\n"}}'
kubectl get deploy frontend -o go-template
kubectl get deploy frontend -o go-template='{{.metadata.name'
kubectl get deploy frontend -o go-template='{{.spec.nope.x}}{{"\n"}}'
kubectl get deploy frontend -o go-template='{{.spec.nope}}' --allow-missing-template-keys=false
kubectl get deploy frontend -o go-template='{{if eq .spec.replicas 4}}four{{else}}other{{end}}{{"\n"}}'
kubectl get deploy frontend -o go-template='{{if gt .spec.replicas 2.0}}many{{end}}'
kubectl get nodes -o go-template='{{range .items}}{{.metadata.name}}{{"\t"}}{{index .metadata.labels "kubernetes.io/hostname"}}{{"\n"}}{{end}}'
kubectl get pods -o go-template='{{range .items}}{{range .spec.containers}}{{.image}} {{end}}{{end}}{{"\n"}}'
kubectl get pods -o go-template='{{len .items}}{{"\n"}}'
kubectl get svc -o go-template='{{range .items}}{{.metadata.name}}:{{range .spec.ports}}{{.port}}{{end}}{{"\n"}}{{end}}'
kubectl get pods -o go-template-file=nofile
echo '{{range .items}}{{printf "%-20s %s\n" .metadata.name .status.phase}}{{end}}' > tmpl.txt
kubectl get pods -o go-template-file=tmpl.txt
kubectl get pods -o templatefile=tmpl.txt
kubectl get deploy frontend -o go-template='{{printf "%d" .spec.replicas}}{{"\n"}}'
kubectl get deploy frontend -o go-template='{{.metadata.labels}}{{"\n"}}'
kubectl get deploy nope -o go-template='{{.metadata.name}}'
kubectl create deploy gt --image=nginx --replicas=2 --dry-run=client -o go-template='{{.spec.replicas}} {{.metadata.name}}{{"\n"}}'
kubectl run gt --image=nginx --dry-run=client -o go-template='{{.spec.containers}}{{"\n"}}'
kubectl create cm gt --from-literal=a=b --dry-run=client --template='{{.data.a}}{{"\n"}}'
