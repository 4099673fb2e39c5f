# expect: config-map pass all checks passed
cat > cm.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata: {name: webapp-config-map}
data: {APP_COLOR: darkblue, APP_OTHER: disregard}
YAML
kubectl apply -f cm.yaml
@check config-map
