# expect: sleeper-2 pass all checks passed
cat >> ubuntu-sleeper-2.yaml <<'YAML'
    command:
      - sleep
      - "5000"
YAML
kubectl create -f ubuntu-sleeper-2.yaml
sleep 5
@check
