# expect: sleeper-2 fail pod ubuntu-sleeper-2 (container ubuntu) runs ["sleep 5000"]: that is one word, so the runtime looks for a program named "sleep 5000"; expected ["sleep","5000"]
cat >> ubuntu-sleeper-2.yaml <<'YAML'
    command: ["sleep 5000"]
YAML
kubectl create -f ubuntu-sleeper-2.yaml
sleep 5
kubectl get pods
@check
