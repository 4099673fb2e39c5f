# expect: sleeper-2 fail found no pod ubuntu-sleeper-2; expected it to exist
sed -i 's/name: ubuntu-sleeper-2/name: ubuntu-sleeper-5000/' ubuntu-sleeper-2.yaml
cat >> ubuntu-sleeper-2.yaml <<'YAML'
    command: ["sleep", "5000"]
YAML
kubectl create -f ubuntu-sleeper-2.yaml
@check
