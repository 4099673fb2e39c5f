# expect: sidecar pass all checks passed
kubectl -n elastic-stack get pod app -o yaml > app.yaml
sed -i 's/^  containers:/  containers:\n  - name: sidecar\n    image: kodekloud\/filebeat-configured\n    volumeMounts:\n    - name: log-volume\n      mountPath: \/var\/log\/event-simulator\//' app.yaml
kubectl apply -f app.yaml
kubectl replace --force -f app.yaml
sleep 20
kubectl -n elastic-stack get pod app
@check
