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
