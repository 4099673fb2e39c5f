# Reference solution for the commands-and-arguments lab: every graded step must pass.
ls
kubectl get pods
@answer pod-count 1
kubectl describe pod ubuntu-sleeper | grep -A2 Command
@answer sleeper-command sleep 4800
cat >> ubuntu-sleeper-2.yaml <<'YAML'
    command: ["sleep", "5000"]
YAML
kubectl create -f ubuntu-sleeper-2.yaml
kubectl create -f ubuntu-sleeper-3.yaml
sed -i 's/- 1200/- "1200"/' ubuntu-sleeper-3.yaml
kubectl create -f ubuntu-sleeper-3.yaml
sleep 5
kubectl get pods
@check
sed -i 's/1200/2000/' ubuntu-sleeper-3.yaml
kubectl apply -f ubuntu-sleeper-3.yaml
kubectl replace --force -f ubuntu-sleeper-3.yaml
sleep 5
kubectl get pods
@check
cat webapp-color/Dockerfile
@answer dockerfile-command python app.py
cat webapp-color/Dockerfile2
@answer dockerfile2-command python app.py --color red
cat webapp-color-2/webapp-color-pod.yaml
@answer webapp-color-2-command --color green
cat webapp-color-3/webapp-color-pod-2.yaml
@answer webapp-color-3-command python app.py --color pink
kubectl run webapp-green --image=kodekloud/webapp-color -- --color green
sleep 5
kubectl get pods
kubectl logs webapp-green | grep Color
