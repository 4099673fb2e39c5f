@lab rolling-updates
sleep 60
kubectl get pods
kubectl get po
kubectl get pod
kubectl get pods -o wide
kubectl get pods -o name
kubectl get pods -o yaml
kubectl get pods -o json
kubectl get pods --show-labels
kubectl get pods -l name=webapp
kubectl get pods -l name!=webapp
kubectl get pods -l 'name in (webapp)'
kubectl get pods -l name=nothing
kubectl get pods --selector=name=webapp -o name
kubectl get pods --field-selector=status.phase=Running
kubectl get pods --field-selector=status.phase=Pending
kubectl get pods --field-selector=metadata.namespace=default -o name
kubectl get pods --no-headers
kubectl get pods -A
kubectl get pods --all-namespaces -o wide
kubectl get pods -n kube-public
kubectl get pods --namespace=kube-public -o wide
kubectl get pods -n nowhere
kubectl get pods --chunk-size=1
kubectl get pods --chunk-size=2 -o name
kubectl get pods --sort-by=.metadata.name
kubectl get pods --sort-by=.metadata.name -o name
kubectl get pods -o jsonpath='{.items[*].metadata.name}'
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}'
kubectl get pods -o jsonpath='{.items[0].spec.containers[0].image}'
kubectl get pods -o jsonpath='{.items[?(@.status.phase=="Running")].metadata.name}'
kubectl get pods -o jsonpath='{.items[*].status.podIP}'
kubectl get pods -o jsonpath='{.items[*].spec.nodeName}'
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl get pods -o custom-columns=NAME:.metadata.name --no-headers
kubectl get pods -o custom-columns='NAME:.metadata.name,NODE:.spec.nodeName,IP:.status.podIP'
kubectl get deployments
kubectl get deploy
kubectl get deployment frontend
kubectl get deploy frontend -o wide
kubectl get deploy frontend -o yaml
kubectl get deploy frontend -o json
kubectl get deploy frontend -o name
kubectl get deployments.apps
kubectl get deployment.apps/frontend
kubectl get deploy/frontend
kubectl get deploy frontend -o jsonpath='{.spec.replicas}'
kubectl get deploy frontend -o jsonpath='{.spec.template.spec.containers[0].image}'
kubectl get deploy frontend -o jsonpath='{.spec.strategy}'
kubectl get deploy frontend -o jsonpath='{.spec.strategy.rollingUpdate.maxUnavailable}'
kubectl get deploy frontend -o jsonpath='{.status.conditions[*].type}'
kubectl get deploy frontend -o jsonpath='{.metadata.labels}'
kubectl get deploy frontend -o jsonpath='{.spec.selector.matchLabels.name}'
kubectl get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,STRATEGY:.spec.strategy.type
kubectl get replicasets
kubectl get rs
kubectl get rs -o wide
kubectl get rs -o name
kubectl get rs -l name=webapp
kubectl get services
kubectl get svc
kubectl get svc -o wide
kubectl get svc webapp-service
kubectl get svc webapp-service -o yaml
kubectl get svc webapp-service -o jsonpath='{.spec.ports[0].nodePort}'
kubectl get endpoints
kubectl get ep webapp-service
kubectl get endpointslices
kubectl get nodes
kubectl get no
kubectl get nodes -o wide
kubectl get nodes -o name
kubectl get node controlplane -o jsonpath='{.status.nodeInfo.kubeletVersion}'
kubectl get namespaces
kubectl get ns
kubectl get ns default -o yaml
kubectl get configmaps
kubectl get cm -A
kubectl get secrets
kubectl get events
kubectl get ev --sort-by=.metadata.creationTimestamp
kubectl get events --field-selector involvedObject.kind=Deployment
kubectl get all
kubectl get all -o name
kubectl get deploy,rs
kubectl get deploy,svc -o name
kubectl get pods,svc -l name=webapp
kubectl get deployment frontend webapp-service
kubectl get pod curl -n kube-public
kubectl get pods curl
kubectl get pod nope --ignore-not-found
kubectl get pods nope curl --ignore-not-found -n kube-public
kubectl get pods -l name=nothing --ignore-not-found
kubectl get pods -l name=nothing --ignore-not-found -o yaml
kubectl get pod nope --ignore-not-found -o name
kubectl get pods --show-kind
kubectl get deploy --show-kind -o wide
kubectl get pods --server-print=false
kubectl get pods -A --server-print=false --show-labels -L name
kubectl get deploy,svc --server-print=false
kubectl get pods --output-watch-events
kubectl get pods,svc -w
kubectl get -w
kubectl get pod nope -w --ignore-not-found
kubectl get pod nope -w
