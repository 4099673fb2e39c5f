@lab rolling-updates
sleep 60
kubectl label pods --all --list
kubectl label deploy frontend --list
kubectl label deploy frontend --list tier=web
kubectl label pod --list
kubectl get pods -L name
kubectl get pods -L name,pod-template-hash --show-labels
kubectl get deploy --label-columns=app -L x.io/tier
kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2 --record
sleep 90
kubectl rollout history deployment/frontend
kubectl rollout history deployment/frontend --revision=2
kubectl annotate deployment/frontend kubernetes.io/change-cause="image v2"
kubectl annotate deployment/frontend kubernetes.io/change-cause="image v2 again" --overwrite
kubectl rollout history deployment/frontend
kubectl scale deployment/frontend --replicas=5 --record
kubectl get deploy frontend -o jsonpath='{.metadata.annotations}'
kubectl create deploy rec --image=nginx --record
kubectl get deploy rec -o jsonpath='{.metadata.annotations}'
kubectl rollout history deployment/frontend --revision=1
kubectl create deploy x --image=nginx --dry-run=bogus
kubectl run x --image=nginx --dry-run=bogus
kubectl delete pod x --dry-run=bogus
kubectl label pod x a=b --dry-run=bogus
kubectl apply -f nofile.yaml --dry-run=bogus
kubectl bogus
kubectl bogus pods
kubectl create configmap cm1 --from-file=nofile
kubectl create secret generic s1 --from-file=nofile
kubectl create configmap cm2 --from-env-file=nofile
cat > bad-kind.yaml <<'EOF2'
apiVersion: v1
kind: Bogus
metadata:
  name: x
EOF2
kubectl apply -f bad-kind.yaml
kubectl create -f bad-kind.yaml
kubectl delete -f bad-kind.yaml
