# StatefulSets and ControllerRevisions (issue 13 §3).
cat > sts.yaml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
EOF
cat > bad-sts.yaml <<'EOF'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: Bad_Name
spec:
  podManagementPolicy: Sometimes
  replicas: -1
  selector:
    matchLabels:
      app: other
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: -2
      maxUnavailable: 0
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Keep
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
EOF
cat > empty-selector.yaml <<'EOF'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: empty
spec:
  selector: {}
  updateStrategy:
    type: Sometimes
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: nginx
        image: nginx:1.27
EOF
kubectl apply -f sts.yaml
kubectl get sts
kubectl get statefulsets.apps web
kubectl get controllerrevisions
sleep 60
kubectl get sts -o wide
kubectl get pods -l app=nginx --show-labels
kubectl get pods -l app=nginx -o custom-columns=NAME:.metadata.name,HOST:.spec.hostname,SUB:.spec.subdomain
kubectl get sts web -o yaml
kubectl describe sts web
kubectl get controllerrevision -o wide
kubectl rollout status sts/web
kubectl rollout history statefulset/web
kubectl rollout history statefulset/web --revision=1
kubectl scale sts web --replicas=5
sleep 60
kubectl get sts web
kubectl get pods -l app=nginx
kubectl scale statefulset web --replicas=2
sleep 60
kubectl get pods -l app=nginx
kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'
kubectl set image sts/web nginx=nginx:1.26
sleep 60
kubectl rollout status sts/web --watch=false
kubectl get pods -l app=nginx -L controller-revision-hash
kubectl rollout history sts/web
kubectl rollout history sts/web --revision=2 -o yaml
kubectl rollout history sts/web -o yaml
kubectl rollout history sts/web --revision=2 -o json
kubectl rollout history sts/web -o json
kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'
sleep 60
kubectl rollout status sts/web
kubectl rollout undo sts/web
sleep 60
kubectl rollout history sts/web
kubectl rollout undo sts/web --to-revision=9
kubectl rollout pause sts/web
kubectl rollout resume sts/web
kubectl rollout restart sts/web
sleep 60
kubectl rollout status sts/web
kubectl patch sts web -p '{"spec":{"serviceName":"other"}}'
kubectl patch sts web --type=merge -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'
kubectl rollout status sts/web
kubectl apply -f bad-sts.yaml
kubectl apply -f empty-selector.yaml
kubectl get all
kubectl delete sts web
kubectl get controllerrevisions
# DaemonSets: one pod per eligible node (the controlplane's taint keeps it off there).
cat > ds.yaml <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
spec:
  selector:
    matchLabels:
      app: fluentd
  template:
    metadata:
      labels:
        app: fluentd
    spec:
      containers:
      - name: fluentd
        image: busybox:1.36
        command: ["sleep", "3600"]
EOF
cat > bad-ds.yaml <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: bad
spec:
  selector:
    matchLabels:
      app: other
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 1
      maxSurge: 1
  template:
    metadata:
      labels:
        app: bad
    spec:
      containers:
      - name: c
        image: busybox:1.36
EOF
kubectl apply -f ds.yaml
sleep 30
kubectl get ds
kubectl get ds -o wide
kubectl get daemonsets.apps fluentd -o yaml
kubectl describe ds fluentd
kubectl rollout status ds/fluentd
kubectl set image ds/fluentd fluentd=busybox:1.28
sleep 90
kubectl rollout status daemonset/fluentd
kubectl rollout history ds/fluentd
kubectl rollout history ds/fluentd --revision=1 -o yaml
kubectl rollout history ds/fluentd --revision=1 -o json
kubectl rollout history ds/fluentd -o json
kubectl rollout undo ds/fluentd
kubectl rollout pause ds/fluentd
kubectl scale ds fluentd --replicas=2
kubectl apply -f bad-ds.yaml
kubectl get controllerrevisions -l app=fluentd
# Server-side apply walks the StatefulSet and DaemonSet schemas (list keys, atomic selectors).
cat > ssa-sts.yaml <<'EOF'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: busybox:1.36
        command: ["sleep", "3600"]
        ports:
        - containerPort: 5432
EOF
cat > ssa-ds.yaml <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        effect: NoSchedule
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sleep", "3600"]
EOF
kubectl apply --server-side -f ssa-sts.yaml
kubectl apply --server-side -f ssa-ds.yaml
kubectl get sts db -o yaml --show-managed-fields
kubectl get ds agent -o yaml --show-managed-fields
sleep 30
sed -i 's/replicas: 2/replicas: 3/; s/containerPort: 5432/containerPort: 5433/' ssa-sts.yaml
sed -i 's/busybox:1.36/busybox:1.37/' ssa-ds.yaml
kubectl apply --server-side -f ssa-sts.yaml
kubectl apply --server-side -f ssa-ds.yaml
kubectl get sts db -o yaml --show-managed-fields
kubectl get ds agent -o yaml --show-managed-fields
kubectl scale sts db --replicas=1
kubectl apply --server-side -f ssa-sts.yaml
kubectl apply --server-side --force-conflicts -f ssa-sts.yaml
kubectl get sts db -o jsonpath='{.spec.replicas} {.metadata.managedFields[*].manager}'
kubectl get controllerrevisions -l app=agent
kubectl create deployment si-a --image=nginx
kubectl create deployment si-b --image=nginx
kubectl set image deploy -l app=si-a nginx=nginx:1.26 --dry-run=server
kubectl set image deploy -l app=si-a c=x nginx=nginx:1.26 --dry-run=server
kubectl set image deploy si-a si-b nginx=nginx:1.26 --dry-run=client -o name
kubectl set image deploy si-a nope nginx=nginx:1.26
kubectl set image deploy -l app=none nginx=x
kubectl set image -l app=si-a nginx=x
kubectl set image deploy --all -l app=si-a nginx=x
kubectl set image deploy nginx=x
kubectl set image deploy -l app=si-b nginx=nginx:1.27
