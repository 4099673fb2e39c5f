@lab rolling-updates
sleep 5
kubectl cordon node01
kubectl cordon node01
kubectl get nodes
kubectl uncordon node01 controlplane
kubectl cordon -l kubernetes.io/hostname=node01 --dry-run=server
kubectl cordon nope node01
kubectl cordon node01 -l a=b
kubectl cordon
kubectl uncordon node01 --dry-run=bogus
kubectl drain
kubectl drain nope
kubectl drain node01 --pod-selector='a=('
kubectl drain node01 --timeout=abc
kubectl drain node01 --grace-period=x
kubectl drain node01
kubectl drain node01 --dry-run=client --force
kubectl uncordon node01
kubectl taint nodes node01 app=blue:NoSchedule
kubectl taint nodes node01 app=blue:NoSchedule
kubectl taint nodes node01 app=red:NoSchedule --overwrite
kubectl taint nodes node01 app=red:NoExecute --dry-run=client
kubectl taint nodes node01 app:NoSchedule-
kubectl taint nodes node01 app-
kubectl taint node node01 x=y:Bogus
kubectl taint node node01 x=y
kubectl taint node node01 a=b:NoSchedule a=c:NoSchedule
kubectl taint node node01 a=b:NoSchedule a-
kubectl taint node node01
kubectl taint
kubectl taint pod x a=b:NoSchedule
kubectl taint node a=b:NoSchedule
kubectl taint node node01 x=y@:NoSchedule
kubectl taint node node01 a=b:NoSchedule extra
kubectl taint node -l a=b --all k=v:NoSchedule
kubectl taint node nope k=v:NoSchedule
kubectl taint node node01 x=1:NoSchedule -o name
kubectl taint no node01 x-
kubectl describe node node01
kubectl create pdb web --selector=name=webapp --min-available=3
kubectl create poddisruptionbudget p2 --selector=name=webapp --max-unavailable=50% --dry-run=server
kubectl create pdb p3 --selector=a=b --max-unavailable=200%
kubectl create pdb p4 --selector='a in (x,y)' --min-available=50% -o yaml --dry-run=client
kubectl create pdb P6 --selector=a=b --min-available=1
kubectl create pdb web --selector=a=b --min-available=1
kubectl create pdb p7 --selector=a=b
kubectl create pdb p7 --min-available=1
kubectl create pdb --selector=a=b --min-available=1
kubectl create pdb p7 --selector=a=b --min-available=1 --max-unavailable=1
kubectl create pdb p7 --selector=a=b --min-available=x
sleep 3
kubectl get pdb
kubectl get poddisruptionbudgets.policy -o wide
kubectl describe pdb web
kubectl get pdb web -o jsonpath='{.status}'
kubectl run solo --image=nginx
kubectl run guarded --image=nginx --labels=app=guarded
kubectl create pdb guard --selector=app=guarded --min-available=1
sleep 10
kubectl get pdb guard
kubectl drain node01 --force --pod-selector=run=solo
kubectl get pods -o wide
kubectl drain node01 --force --pod-selector=app=guarded --timeout=12s
kubectl describe pdb guard
kubectl uncordon node01
kubectl set serviceaccount deployment/frontend mysa
kubectl set sa deploy frontend mysa --dry-run=client
kubectl set sa
kubectl set sa mysa
kubectl set sa svc/kubernetes mysa
kubectl set sa deploy/nope mysa
kubectl set sa deploy/frontend other -o jsonpath={.spec.template.spec.serviceAccountName}
