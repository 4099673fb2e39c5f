cat > pv.yaml <<'EOF'
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-small
  labels: {tier: fast}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /data/small}
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-big
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce, ReadOnlyMany]
  persistentVolumeReclaimPolicy: Delete
  hostPath: {path: /data/big, type: DirectoryOrCreate}
EOF
kubectl apply -f pv.yaml
sleep 1
kubectl get pv
kubectl get pv -o wide
kubectl describe pv pv-small
cat > sc.yaml <<'EOF'
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-storage
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
EOF
kubectl apply -f sc.yaml
kubectl get sc
kubectl get storageclass local-storage -o yaml
kubectl describe sc local-storage
cat > pvc.yaml <<'EOF'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  resources:
    requests: {storage: 500Mi}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: nothing
spec:
  accessModes: [ReadWriteMany]
  resources:
    requests: {storage: 10Gi}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: later
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: local-storage
  resources:
    requests: {storage: 1Gi}
EOF
kubectl apply -f pvc.yaml
sleep 2
kubectl get pvc
kubectl get pvc -o wide
kubectl get pv
kubectl describe pvc data
kubectl describe pvc nothing
kubectl describe pvc later
kubectl get pvc data -o yaml
kubectl get pv pv-small -o yaml
cat > pod.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: app
    image: busybox
    command: [sleep, "3600"]
    volumeMounts:
    - {name: store, mountPath: /store}
  volumes:
  - name: store
    persistentVolumeClaim: {claimName: data}
EOF
kubectl apply -f pod.yaml
sleep 5
kubectl describe pvc data
kubectl describe pod writer
kubectl delete pvc data --wait=false
kubectl get pvc data
kubectl describe pvc data
kubectl delete pod writer --grace-period=0 --force
sleep 2
kubectl get pvc
kubectl get pv
kubectl describe pv pv-small
cat > bad-pv.yaml <<'EOF'
apiVersion: v1
kind: PersistentVolume
metadata:
  name: bad
spec:
  capacity: {storage: 1Gi}
EOF
kubectl apply -f bad-pv.yaml
cat > bad-pvc.yaml <<'EOF'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: bad
spec:
  accessModes: [ReadWriteSometimes]
  resources:
    requests: {storage: 0}
EOF
kubectl apply -f bad-pvc.yaml
kubectl patch pvc nothing -p '{"spec":{"accessModes":["ReadWriteOnce"]}}'
kubectl delete pv pv-big
sleep 1
kubectl get pv
