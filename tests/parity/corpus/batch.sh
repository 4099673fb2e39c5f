kubectl create job hello --image=busybox -- echo hi
kubectl create job hello --image=busybox -- echo hi
kubectl create job sleeper --image=busybox -- sleep 5
kubectl create job noimage
kubectl create job both --image=busybox --from=cronjob/x
kubectl create job Bad --image=busybox
kubectl create job extra --image=busybox a b
kubectl create job fromnone --from=cronjob/nope
kubectl create job j --image=busybox --dry-run=client -o yaml -- echo hi
kubectl create job j --image=busybox --dry-run=server -o name
kubectl get jobs
sleep 20
kubectl get jobs
kubectl get jobs -o wide
kubectl get job hello -o yaml
kubectl get job hello -o jsonpath='{.status.conditions[*].type}'
kubectl describe job hello
kubectl logs job/hello
cat > job.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 3
  parallelism: 2
  backoffLimit: 4
  template:
    spec:
      containers:
      - name: pi
        image: busybox
        command: ["sh", "-c", "echo done"]
      restartPolicy: Never
YAML
kubectl apply -f job.yaml
cat > always.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: always
spec:
  template:
    spec:
      containers:
      - name: c
        image: busybox
YAML
kubectl apply -f always.yaml
cat > fail.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: fail
spec:
  backoffLimit: 0
  template:
    spec:
      containers:
      - name: c
        image: busybox
        command: ["sh", "-c", "exit 3"]
      restartPolicy: Never
YAML
kubectl apply -f fail.yaml
cat > deadline.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: deadline
spec:
  activeDeadlineSeconds: 10
  template:
    spec:
      containers:
      - name: c
        image: busybox
        command: ["sleep", "3600"]
      restartPolicy: Never
YAML
kubectl apply -f deadline.yaml
sleep 60
kubectl get jobs
kubectl get job pi -o jsonpath='{.status.succeeded}'
kubectl get job fail -o jsonpath='{.status.conditions}'
kubectl get job deadline -o jsonpath='{.status.conditions[*].reason}'
kubectl describe job fail
kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *" -- echo tick
kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *"
kubectl create cj hourly --image=busybox --schedule=@hourly
kubectl create cronjob every --image=busybox --schedule="@every 1m"
kubectl create cronjob bad --image=busybox --schedule="bad"
kubectl create cronjob bad --image=busybox --schedule="61 * * * *"
kubectl create cronjob bad --image=busybox --schedule="@weird"
kubectl create cronjob bad --image=busybox --schedule="* * * *"
kubectl create cronjob noschedule --image=busybox
kubectl create cronjob onlyname
kubectl create cronjob c --image=busybox --schedule="*/5 * * * *" --restart=Never --dry-run=client -o yaml -- date
kubectl get cronjobs
kubectl get cj -o wide
sleep 130
kubectl get cj
kubectl get cronjob tick -o yaml
kubectl describe cronjob tick
kubectl create job manual --from=cronjob/tick
kubectl create job manual2 --from=cronjob/tick --dry-run=client -o yaml
kubectl create job fromdeploy --from=deployment/nope
kubectl get job manual -o yaml
kubectl create serviceaccount bot
kubectl create sa bot
kubectl create sa Bad
kubectl create sa robot --dry-run=client -o yaml
kubectl get sa
kubectl get serviceaccounts -A
kubectl get sa default -o yaml
kubectl describe sa default
kubectl create token bot
kubectl create token bot --duration=2h --audience=api --audience=vault
kubectl create token bot -o yaml
kubectl create token nope
kubectl create token bot --duration=1m
kubectl create token bot --duration=10x
kubectl create token bot --audience=
kubectl create token bot --bound-object-name=x
kubectl create token bot --dry-run=client
kubectl api-resources --api-group=batch
kubectl api-resources | grep -E 'serviceaccounts|jobs'
cat > ttl.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: ttl
spec:
  ttlSecondsAfterFinished: 20
  suspend: true
  template:
    spec:
      containers:
      - name: c
        image: busybox
        command: ["echo", "bye"]
      restartPolicy: Never
YAML
kubectl apply -f ttl.yaml
sleep 5
kubectl get job ttl
kubectl describe job ttl
kubectl patch job ttl -p '{"spec":{"suspend":false}}'
sleep 10
kubectl get job ttl
sleep 30
kubectl get job ttl
kubectl get all
kubectl delete job hello
kubectl delete cronjob tick
