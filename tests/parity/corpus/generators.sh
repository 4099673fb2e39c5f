kubectl create deployment web --image=nginx
kubectl create deployment web --image=nginx
kubectl create deployment web2 --image=nginx:1.25 --replicas=3
kubectl create deployment web3 --image=nginx --port=80 -o name
kubectl create deploy web4 --image=nginx
kubectl create deployment noimage
kubectl create deployment Bad --image=nginx
kubectl create configmap app-config --from-literal=APP_COLOR=blue --from-literal=APP_MODE=prod
kubectl create configmap app-config --from-literal=APP_COLOR=blue
kubectl create configmap bad --from-literal=novalue
kubectl create configmap files --from-file=missing.txt
kubectl create secret generic db --from-literal=DB_Host=sql01 --from-literal=DB_Password=password123
kubectl create secret generic db2 --from-literal=k=v -o yaml
kubectl create namespace dev
kubectl create namespace dev
kubectl create ns Dev
kubectl run nginx --image=nginx
kubectl run nginx --image=nginx
kubectl run sleeper --image=busybox -- sleep 1000
kubectl run cmd --image=busybox --command -- sleep 1000
kubectl run labelled --image=nginx --labels=tier=web,env=dev
kubectl run ported --image=nginx --port=80
kubectl run envy --image=busybox --env=A=1 --env=B=2 -- sleep 100
kubectl run once --image=busybox --restart=Never -- echo hi
kubectl run noimage
kubectl run server-dry --image=nginx --dry-run=server -o name
sleep 30
kubectl get pods
kubectl get deploy
kubectl get cm
kubectl get secret db -o jsonpath='{.data.DB_Host}'
kubectl get ns
kubectl logs once
kubectl get pod envy -o jsonpath='{.spec.containers[0].env}'
kubectl get pod labelled --show-labels
# --from-file and --from-env-file are pflag StringSlices: one CSV record a flag, empty is none.
mkdir -p envdir
kubectl create configmap csv --from-env-file '' --from-literal=a=b --dry-run=client -o yaml
kubectl create secret generic csv --from-env-file envdir --dry-run=client
kubectl create configmap csv --from-env-file envdir --dry-run=client
kubectl create configmap csv --from-file=a,,b --dry-run=client
kubectl create configmap csv --from-file='"a' --dry-run=client
kubectl create configmap csv --from-file='a"b' --dry-run=client
kubectl create secret docker-registry csv --from-file='"a,b"' --dry-run=client
