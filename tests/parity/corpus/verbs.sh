# kubectl set env, set resources, wait and events (issue 13).
kubectl create deployment web --image=nginx --replicas=2
kubectl create deployment api --image=busybox -- sleep 3600
kubectl create configmap cfg --from-literal=A=1
kubectl create configmap dotted --from-literal=b.c=2
kubectl create secret generic sec --from-literal=PASS=x
kubectl run p1 --image=nginx
sleep 5
kubectl set env
kubectl set env deployment/web
kubectl set env deployment/web FOO=bar
kubectl set env deployment/web FOO=bar
kubectl set env deployment/web FOO=bar --dry-run=client -o yaml
kubectl set env deployment/web FOO=baz BAR=1 -c nginx --dry-run=client -o yaml
kubectl set env deployment/web FOO=baz BAR=1 -c nginx
kubectl set env deployment/web --list
kubectl set env deployment/web --from=configmap/cfg
kubectl set env deployment/web --from=configmap/dotted --prefix=CM_ --dry-run=client -o yaml
kubectl set env deployment/web --from=configmap/dotted --keys=b.c
kubectl set env deployment/web --from=secret/sec --dry-run=server
kubectl set env deployment/web --from=secret/sec -c nginx -o name
kubectl set env deployment/web --list
kubectl set env deployment/web --list --resolve
kubectl set env deployment/web FOO-
kubectl set env deployment/web --env=X=1 -e Y=2 -o name
kubectl set env deployment/web FOO=bar --containers=nope
kubectl set env deployment/web 1BAD=x
kubectl set env deployment/web FOO
kubectl set env deployment/nope A=b
kubectl set env foo/web A=b
kubectl set env deployment A=1
kubectl set env deploy web api Z=1
kubectl set env deployments --all --list
kubectl set env pods -l app=web --list
kubectl set env deployment/web --from=configmap/nope
kubectl set env deployment/web --from=bogus/x
kubectl set env deployment/web --from=deployment/api
kubectl set env deployment/web A=1 --dry-run=bogus
kubectl set env deployment/web X=2 --overwrite=false
kubectl set env deployment/web X=1 --overwrite=false
kubectl set env deployment/web --keys=A
kubectl set env deployment/web A=1 A-
kubectl set env deployment/web A=1 deployment/api
kubectl set env --all -l a=b deploy A=1
kubectl set env svc/kubernetes A=1
kubectl set env deployment/web --list -o yaml
kubectl set env deployment/web --bogus
cat > local.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: local
spec:
  selector:
    matchLabels: {app: local}
  template:
    metadata:
      labels: {app: local}
    spec:
      containers:
      - name: app
        image: nginx
        env:
        - name: X
          value: "1"
        - name: POD
          valueFrom:
            fieldRef: {fieldPath: metadata.name}
      - name: side
        image: busybox
YAML
kubectl set env -f local.yaml --local A=2 -c app -o yaml
kubectl set env -f local.yaml --local --list
kubectl set env -f local.yaml --local X- -o json
kubectl set env -f local.yaml --local --dry-run=server A=1
kubectl set env deployment/web -f local.yaml --local A=1
kubectl set env -f local.yaml --local --from=configmap/cfg
kubectl set env -f local.yaml A=3 --dry-run=client
kubectl set resources
kubectl set resources deployment/web
kubectl set resources deployment web --limits=cpu=200m
kubectl set resources deployment --limits=cpu=200m
kubectl set resources deployment/web --limits=cpu=200m,memory=512Mi --requests=cpu=100m
kubectl set resources deployment/web --limits=cpu=200m,memory=512Mi --requests=cpu=100m
kubectl set resources deployment/web --limits=cpu=0.5 --dry-run=client -o yaml
kubectl set resources deployment/web --limits=cpu
kubectl set resources deployment/web --limits=cpu=abc
kubectl set resources deployment/web --limits=cpu=1 -c nope
kubectl set resources deployment/web --limits=cpu=1 --dry-run=server
kubectl set resources deployment/nope --limits=cpu=1
kubectl set resources deployment/web deployment/nope --limits=cpu=3
kubectl set resources -f local.yaml --local --limits=cpu=1 -o yaml
kubectl set resources -f local.yaml --local --requests=memory=64Mi -c side -o json
kubectl set resources deployment/web -f local.yaml --local --limits=cpu=1
kubectl set resources -f local.yaml --local --dry-run=server --limits=cpu=1
kubectl set resources --all deployments --limits=memory=1Gi -o name
kubectl set resources --all -l app=web deployments --limits=memory=1Gi
kubectl set resources -l app=api deployments --requests=cpu=50m
kubectl set resources svc/kubernetes --limits=cpu=1
kubectl set resources pod/p1 --limits=cpu=2
kubectl get deployment web -o yaml
kubectl wait
kubectl wait pod/p1
kubectl wait --for=condition=Ready pod/p1
kubectl wait --for=condition=ready=True pod/p1 -o name
kubectl wait --for=condition=Ready=false pod/p1 --timeout=2s
kubectl wait --for=condition=Ready pod --all
kubectl wait --for=condition=Ready pods -l app=web
kubectl wait --for=condition=Available deployment/web deployment/api
kubectl wait --for=condition=Available=true deploy web --timeout=60s
kubectl wait --for=jsonpath='{.status.phase}'=Running pod/p1
kubectl wait --for=jsonpath={.status.phase}=Pending pod/p1 --timeout=1s
kubectl wait --for=jsonpath='{.status.phase}' pod/p1
kubectl wait --for=jsonpath='{.spec.replicas}'=2 deployment/web
kubectl wait --for=jsonpath='{.status.phase}'= pod/p1
kubectl wait --for=jsonpath='{.status.phase' pod/p1
kubectl wait --for=jsonpath='{.spec.containers}'=x pod/p1
kubectl wait --for=bogus pod/p1
kubectl wait --for=condition=Ready pod/nope
kubectl wait --for=condition=Ready pods
kubectl wait --for=condition=Ready pods -l app=none
kubectl wait --for=condition=Ready pod/p1 --timeout=0
kubectl wait --for=condition=Ready=false pod/p1 --timeout=0
kubectl wait --for=condition=Ready pod/p1 --timeout=abc
kubectl wait --for=condition=Ready pod/p1 --all-namespaces
kubectl wait --for=condition=Ready pods -A --all
kubectl wait --for=condition=Ready bogus/p1
kubectl wait --for=condition=Ready pod/p1 --for=jsonpath='{.status.phase}'=Running
kubectl wait --for=condition=Ready pod/p1 --local
kubectl wait --for=create pod/p1
kubectl wait --for=create pod/later --timeout=1s
kubectl wait --for=delete pod/nope
kubectl wait --for=delete pod/p1 --timeout=0
kubectl delete pod p1 --wait=false
kubectl wait --for=delete pod/p1 --timeout=60s
kubectl run p2 --image=nginx
kubectl wait --for=condition=Ready pod/p2 --timeout=60s
kubectl events
kubectl events -A
kubectl events --for deployment/web
kubectl events --for=pod/p2 --types=Normal
kubectl events --types=Warning
kubectl events --types=warning,normal --for pod/p2
kubectl events --types=bogus
kubectl events --for web
kubectl events --for foo/web
kubectl events --for a/b/c
kubectl events -n nope
kubectl events -A --no-headers
kubectl events --for=pod/p2 -o name
kubectl events --for=pod/p2 -o wide
kubectl events --for=deploy/api -o jsonpath='{.items[*].reason}'
kubectl events --for=deploy/api -o json
