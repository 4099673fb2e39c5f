kubectl rollout restart deploy ra rb
kubectl create deployment ra --image=nginx
kubectl create deployment rb --image=nginx
sleep 5
kubectl rollout restart
kubectl rollout restart deployment
kubectl rollout restart deploy -l app=ra -o name
kubectl rollout restart deploy nope ra
kubectl rollout restart rs -l app=ra
kubectl rollout pause deploy
kubectl rollout pause deploy
kubectl rollout restart deploy ra
kubectl rollout resume deploy ra rb
kubectl rollout resume deploy -l app=nothing
kubectl rollout pause deploy ra -o jsonpath={.spec.paused}
kubectl rollout pause deploy ra -o foo
kubectl rollout restart deploy ra
kubectl rollout restart deploy ra
kubectl rollout pause deploy rb -o foo
kubectl rollout resume deploy ra
kubectl set image deploy ra nginx=nginx:1.25
sleep 30
kubectl rollout status deploy
kubectl rollout status deploy -l app=ra
kubectl rollout status deploy -l app=none
kubectl rollout status deploy ra rb
kubectl rollout status deploy nope ra
kubectl rollout status rs -l app=rb
kubectl rollout status deploy ra -w=false
kubectl rollout status deploy ra -w=bogus
kubectl rollout status deploy ra --revision=1
kubectl rollout status deploy ra --revision=2
kubectl rollout status deploy ra --revision=-1
kubectl rollout status deploy ra --timeout=bogus
kubectl rollout status
kubectl rollout history deploy
kubectl rollout history deploy -l app=ra
kubectl rollout history deploy -l app=none
kubectl rollout history deploy ra nope
kubectl rollout history rs -l app=rb
kubectl rollout history deploy ra -o name
kubectl rollout history deploy ra -o yaml --revision=1
kubectl rollout history deploy ra -o json --revision=2
kubectl rollout history deploy ra -o jsonpath={.metadata.name}
kubectl rollout history deploy ra --revision=5 -o name
kubectl rollout history deploy ra -o foo
kubectl rollout history
cat > ra.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ra
YAML
kubectl rollout history -f ra.yaml
kubectl rollout status -f ra.yaml
kubectl rollout undo -f ra.yaml --dry-run=client
kubectl rollout undo deploy -l app=ra --dry-run=server -o name
kubectl rollout undo deploy ra -o jsonpath={.spec.template.spec.containers[0].image} --dry-run=server
kubectl rollout undo deploy ra nope --dry-run=client
kubectl rollout undo rs -l app=rb
kubectl rollout undo deploy -l app=none
kubectl rollout undo deploy ra --to-revision=-1 -o name
kubectl rollout undo deploy
kubectl rollout history deploy ra
