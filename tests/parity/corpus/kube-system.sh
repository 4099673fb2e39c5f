# kube-system as kubeadm v1.35 leaves it: control plane mirror pods, CoreDNS, kube-proxy, kubeadm's ConfigMaps, node leases.
kubectl get pods -A
kubectl get pods -n kube-system -o wide
kubectl get pods -n kube-system --show-labels
kubectl get pods -n kube-system -l tier=control-plane
kubectl get pods -n kube-system -l k8s-app=kube-dns -o name
kubectl describe pod etcd-controlplane -n kube-system
kubectl describe pod kube-apiserver-controlplane -n kube-system
kubectl get pod kube-scheduler-controlplane -n kube-system -o yaml
kubectl get all -n kube-system
kubectl get all -A
kubectl get deploy coredns -n kube-system -o wide
kubectl describe deploy coredns -n kube-system
kubectl get cm -n kube-system
kubectl get cm coredns -n kube-system -o yaml
kubectl get sa -n kube-system
kubectl get leases -A
kubectl get nodes -o wide
kubectl describe node controlplane
kubectl get leases -n kube-node-lease -o yaml
kubectl cluster-info
kubectl get svc,ep -n kube-system
kubectl get pods -n kube-system -o custom-columns=NAME:.metadata.name,PRIORITY:.spec.priorityClassName,IMAGE:.spec.containers[0].image
kubectl get ds -A
kubectl get ds kube-proxy -n kube-system -o yaml
kubectl describe ds kube-proxy -n kube-system
kubectl get controllerrevisions -n kube-system
kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide
kubectl describe node node01
kubectl logs -n kube-system etcd-controlplane
kubectl logs -n kube-system kube-apiserver-controlplane --tail=2
kubectl logs -n kube-system ds/kube-proxy
kubectl logs -n kube-system kube-scheduler-controlplane --timestamps
kubectl exec -n kube-system etcd-controlplane -- sh
kubectl exec -n kube-system kube-apiserver-controlplane -- ls /etc/kubernetes
sleep 30
kubectl get pods -A
kubectl get leases -A
kubectl get leases -n kube-node-lease -o yaml
kubectl describe node controlplane
