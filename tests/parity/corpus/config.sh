# kubectl config on files both kubectls edit alike (each in its own copy of the folder).
cat > admin.conf <<'EOF_CONF'
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJ
    server: https://controlplane:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJ
    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB
EOF_CONF
cp admin.conf k.conf
kubectl --kubeconfig k.conf config view
kubectl --kubeconfig k.conf config view --raw
kubectl --kubeconfig k.conf config view --minify
kubectl --kubeconfig k.conf config view --flatten
kubectl --kubeconfig k.conf config view -o json
kubectl --kubeconfig k.conf config view -o name
kubectl --kubeconfig k.conf config view -o wide
kubectl --kubeconfig k.conf config view -o jsonpath='{.users[*].name}'
kubectl --kubeconfig k.conf config view -o jsonpath='{.contexts[?(@.name=="kubernetes-admin@kubernetes")].context.cluster}'
kubectl --kubeconfig k.conf config view extra
kubectl --kubeconfig k.conf config view --merge=false
kubectl --kubeconfig k.conf config current-context
kubectl --kubeconfig k.conf config get-contexts
kubectl --kubeconfig k.conf config get-contexts -o name
kubectl --kubeconfig k.conf config get-contexts -o yaml
kubectl --kubeconfig k.conf config get-contexts --no-headers
kubectl --kubeconfig k.conf config get-contexts nope
kubectl --kubeconfig k.conf config get-contexts a b
kubectl --kubeconfig k.conf config get-clusters
kubectl --kubeconfig k.conf config get-users
kubectl --kubeconfig k.conf config set-context --current --namespace=dev
kubectl --kubeconfig k.conf config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=web
kubectl --kubeconfig k.conf config set-context dev -n web2
kubectl --kubeconfig k.conf config set-context empty
kubectl --kubeconfig k.conf config set-context
kubectl --kubeconfig k.conf config set-context a b
kubectl --kubeconfig k.conf config set-context --current x
kubectl --kubeconfig k.conf config get-contexts
kubectl --kubeconfig k.conf config view
kubectl --kubeconfig k.conf config view --minify
kubectl --kubeconfig k.conf config view --minify --context dev
kubectl --kubeconfig k.conf config view --minify --context nope
kubectl --kubeconfig k.conf config use-context dev
kubectl --kubeconfig k.conf config use kubernetes-admin@kubernetes
kubectl --kubeconfig k.conf config use-context nope
kubectl --kubeconfig k.conf config use-context
kubectl --kubeconfig k.conf config use-context a b
kubectl --kubeconfig k.conf config set-credentials bob --token=abc123
kubectl --kubeconfig k.conf config set-credentials bob --username=u --password=p
kubectl --kubeconfig k.conf config set-credentials bob --token=x --username=a
kubectl --kubeconfig k.conf config set-credentials
kubectl --kubeconfig k.conf config set-credentials oidc --auth-provider=oidc --auth-provider-arg=client-id=foo
kubectl --kubeconfig k.conf config set-credentials plug --exec-command=/bin/x --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-arg=a --exec-env=K=V
kubectl --kubeconfig k.conf config set-credentials x --client-certificate=nofile --embed-certs
kubectl --kubeconfig k.conf config get-users
kubectl --kubeconfig k.conf config view
kubectl --kubeconfig k.conf config view --raw
kubectl --kubeconfig k.conf config set-cluster other --server=https://10.0.0.9:6443 --insecure-skip-tls-verify=true
kubectl --kubeconfig k.conf config set-cluster other --certificate-authority=nofile --insecure-skip-tls-verify
kubectl --kubeconfig k.conf config set-cluster other --embed-certs
kubectl --kubeconfig k.conf config set-cluster other --certificate-authority=nofile --embed-certs
kubectl --kubeconfig k.conf config set-cluster
kubectl --kubeconfig k.conf config set-cluster bare
kubectl --kubeconfig k.conf config get-clusters
kubectl --kubeconfig k.conf config view
kubectl --kubeconfig k.conf config set contexts.dev.namespace kube-system
kubectl --kubeconfig k.conf config set clusters.other.insecure-skip-tls-verify false
kubectl --kubeconfig k.conf config set clusters.other.insecure-skip-tls-verify notbool
kubectl --kubeconfig k.conf config set users.bob.client-key-data abc
kubectl --kubeconfig k.conf config set users.bob.client-key-data YWJj
kubectl --kubeconfig k.conf config set users.bob.client-key-data abc --set-raw-bytes
kubectl --kubeconfig k.conf config set preferences.colors true
kubectl --kubeconfig k.conf config set nope.x 1
kubectl --kubeconfig k.conf config set current-context ""
kubectl --kubeconfig k.conf config set
kubectl --kubeconfig k.conf config set a
kubectl --kubeconfig k.conf config unset contexts.dev.namespace
kubectl --kubeconfig k.conf config unset users.nope.token
kubectl --kubeconfig k.conf config unset nope.x
kubectl --kubeconfig k.conf config unset preferences.colors
kubectl --kubeconfig k.conf config unset
kubectl --kubeconfig k.conf config view --raw
kubectl --kubeconfig k.conf config rename-context dev dev2
kubectl --kubeconfig k.conf config rename-context nope x
kubectl --kubeconfig k.conf config rename-context dev2 kubernetes-admin@kubernetes
kubectl --kubeconfig k.conf config rename-context a
kubectl --kubeconfig k.conf config use-context dev2
kubectl --kubeconfig k.conf config delete-context dev2
kubectl --kubeconfig k.conf config delete-context dev2
kubectl --kubeconfig k.conf config delete-context
kubectl --kubeconfig k.conf config current-context
kubectl --kubeconfig k.conf config delete-cluster other
kubectl --kubeconfig k.conf config delete-cluster other
kubectl --kubeconfig k.conf config delete-user bob
kubectl --kubeconfig k.conf config delete-user bob
kubectl --kubeconfig k.conf config delete-user
kubectl --kubeconfig k.conf config unset current-context
kubectl --kubeconfig k.conf config current-context
kubectl --kubeconfig k.conf config view --minify
kubectl --kubeconfig k.conf config view
kubectl --kubeconfig k.conf config
kubectl --kubeconfig k.conf config bogus
kubectl config view --help
kubectl config set-context --help
# Files kubectl cannot use.
kubectl --kubeconfig missing.conf config view
kubectl --kubeconfig missing.conf config get-contexts
kubectl --kubeconfig missing.conf get pods
printf 'apiVersion: v1\nkind: Config\ncurrent-context: ghost\n' > ghost.conf
kubectl --kubeconfig ghost.conf config view
kubectl --kubeconfig ghost.conf config current-context
kubectl --kubeconfig ghost.conf get pods
printf '' > empty.conf
kubectl --kubeconfig empty.conf config current-context
kubectl --kubeconfig empty.conf config view
printf 'apiVersion: v1\nclusters:\n- cluster:\n  server: [\n' > broken.conf
kubectl --kubeconfig broken.conf config view
kubectl --kubeconfig broken.conf get pods
printf 'a: b\n  c: d\n' > broken2.conf
kubectl --kubeconfig broken2.conf config view
printf 'apiVersion: v1\nclusters: 5\n' > wrongtype.conf
kubectl --kubeconfig wrongtype.conf config view
printf 'clusters:\n- name: a\n  cluster:\n    server: 5\n' > wrongtype2.conf
kubectl --kubeconfig wrongtype2.conf config view
printf 'contexts:\n- name: a\n  context: 5\n' > wrongtype3.conf
kubectl --kubeconfig wrongtype3.conf config view
printf 'hello\n' > scalar.conf
kubectl --kubeconfig scalar.conf config view
printf 'kind: Pod\n' > pod.conf
kubectl --kubeconfig pod.conf config view
printf 'clusters:\n- name: a\n  cluster:\n    certificate-authority-data: "!!notbase64"\n' > badbase64.conf
kubectl --kubeconfig badbase64.conf config view
kubectl --context nope get pods
kubectl --kubeconfig k.conf --cluster nope get pods
kubectl api-versions
kubectl api-versions extra
kubectl --kubeconfig k.conf --user nope get pods
