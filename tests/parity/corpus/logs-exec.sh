@lab multi-container-pods
sleep 150
kubectl logs app -n elastic-stack
kubectl logs app -n elastic-stack --tail=3
kubectl logs -n elastic-stack app --tail=1 --timestamps
kubectl logs blue
kubectl logs blue -c teal
kubectl logs blue -c nope
kubectl logs nope
kubectl logs pod/app -n elastic-stack --tail=2
kubectl logs -l name=app -n elastic-stack --tail=1
kubectl logs blue --all-containers --tail=1
kubectl logs app -n elastic-stack --previous
kubectl logs app -n elastic-stack --limit-bytes=20
kubectl exec -n elastic-stack app -- cat /log/app.log
kubectl exec -n elastic-stack app -- grep -m 2 Login /log/app.log
kubectl exec -n elastic-stack app -- ls /log
kubectl exec -n elastic-stack app -- sh -c 'exit 3'
kubectl exec -n elastic-stack app -- nosuchcommand
kubectl exec -n elastic-stack app ls
kubectl exec nope -- ls
kubectl exec blue -c teal -- echo hi
kubectl exec blue -c nope -- echo hi
kubectl exec blue -- echo hi
kubectl exec -n elastic-stack app
