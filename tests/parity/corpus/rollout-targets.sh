kubectl rollout restart deploy ra rb
kubectl create deployment ra --image=nginx
kubectl create deployment rb --image=nginx
sleep 5
kubectl rollout restart rs -l app=ra
kubectl rollout restart
kubectl rollout restart deployment
kubectl rollout restart deploy -l app=ra -o name
kubectl rollout restart deploy nope ra
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
kubectl create deployment rh --image=nginx
sleep 5
kubectl set image deploy rh nginx=nginx:1.25
sleep 30
kubectl rollout status deploy
kubectl rollout status deploy -l app=ra
kubectl rollout status deploy -l app=none
kubectl rollout status deploy ra rb
kubectl rollout status deploy nope ra
kubectl rollout status rs -l app=rb
kubectl rollout status deploy ra -w=false
kubectl rollout status deploy ra -w=bogus
kubectl rollout status deploy rh --revision=1
kubectl rollout status deploy rh --revision=2
kubectl rollout status deploy ra --revision=-1
kubectl rollout status deploy ra --timeout=bogus
kubectl rollout status
kubectl rollout history deploy rh rb
kubectl rollout history deploy -l app=rh
kubectl rollout history deploy -l app=none
kubectl rollout history deploy rh nope
kubectl rollout history rs -l app=rb
kubectl rollout history deploy rh -o name
kubectl rollout history deploy rh --revision=1 -o yaml
kubectl rollout history deploy rh -o yaml
kubectl rollout history deploy rh --revision=1 -o json
kubectl rollout history deploy rh -o json
kubectl rollout history deploy rh --revision=2 -o kyaml
kubectl rollout history deploy rh -o jsonpath={.metadata.name}
kubectl rollout history deploy rh --revision=5 -o name
kubectl rollout history deploy rh -o foo
kubectl rollout history
cat > rh.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: rh
YAML
kubectl rollout history -f rh.yaml
kubectl rollout status -f rh.yaml
kubectl rollout undo -f rh.yaml --dry-run=client
kubectl rollout undo deploy -l app=rh --dry-run=server -o name
kubectl rollout undo deploy rh -o jsonpath={.spec.template.spec.containers[0].image} --dry-run=server
kubectl rollout undo deploy rh nope --dry-run=client
kubectl rollout undo rs -l app=rb
kubectl rollout undo deploy -l app=none
kubectl rollout undo deploy ra --to-revision=-1 -o name
kubectl rollout undo deploy rh rb
kubectl rollout history deploy rh
