/**
 * `--local` edits of `-f` files (label, annotate, set image, patch) compared with the oracle,
 * kubectl v1.35.2, which needs no server for them.
 */
import { describeParity, type Files, type ParityCase } from '../support/kubectl-parity.ts';

const files: Files = {
  'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
`,
  'deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
      - name: side
        image: busybox
        command: ["sleep", "3600"]
`,
};

const withFiles = (cases: Omit<ParityCase, 'files'>[]): ParityCase[] => cases.map((c) => ({ ...c, files }));

describeParity(
  'kubectl --local edits match kubectl v1.35.2',
  withFiles([
    { name: 'label --local -f pod.yaml tier=front -o yaml', args: ['label', '--local', '-f', 'pod.yaml', 'tier=front', '-o', 'yaml'] },
    { name: 'label --local -f pod.yaml tier=front', args: ['label', '--local', '-f', 'pod.yaml', 'tier=front'] },
    { name: 'label --local -f pod.yaml tier=front -o name', args: ['label', '--local', '-f', 'pod.yaml', 'tier=front', '-o', 'name'] },
    { name: 'label --local -f pod.yaml tier=front -o json', args: ['label', '--local', '-f', 'pod.yaml', 'tier=front', '-o', 'json'] },
    { name: 'label --local -f pod.yaml tier=front -o kyaml', args: ['label', '--local', '-f', 'pod.yaml', 'tier=front', '-o', 'kyaml'] },
    { name: 'label --local -f pod.yaml app=x', args: ['label', '--local', '-f', 'pod.yaml', 'app=x'] },
    { name: 'label --local -f pod.yaml app=x --overwrite -o yaml', args: ['label', '--local', '-f', 'pod.yaml', 'app=x', '--overwrite', '-o', 'yaml'] },
    { name: 'label --local -f pod.yaml app- -o yaml', args: ['label', '--local', '-f', 'pod.yaml', 'app-', '-o', 'yaml'] },
    { name: 'label --local -f deploy.yaml app=x', args: ['label', '--local', '-f', 'deploy.yaml', 'app=x'] },
    { name: 'label --local pod web a=b', args: ['label', '--local', 'pod', 'web', 'a=b'] },
    { name: 'label --local -f pod.yaml -o jsonpath={.metadata.labels} x=y', args: ['label', '--local', '-f', 'pod.yaml', '-o', 'jsonpath={.metadata.labels}', 'x=y'] },
    { name: 'label --local -f pod.yaml x=y -o custom-columns=N:.metadata.name', args: ['label', '--local', '-f', 'pod.yaml', 'x=y', '-o', 'custom-columns=N:.metadata.name'] },
    { name: 'annotate --local -f pod.yaml note=hi -o json', args: ['annotate', '--local', '-f', 'pod.yaml', 'note=hi', '-o', 'json'] },
    { name: 'annotate --local -f pod.yaml note=hi', args: ['annotate', '--local', '-f', 'pod.yaml', 'note=hi'] },
    { name: 'annotate --local -f deploy.yaml a=b c=d -o yaml', args: ['annotate', '--local', '-f', 'deploy.yaml', 'a=b', 'c=d', '-o', 'yaml'] },
    { name: 'annotate --local pod/web a=b', args: ['annotate', '--local', 'pod/web', 'a=b'] },
    { name: 'set image --local -f pod.yaml nginx=nginx:1.27 -o yaml', args: ['set', 'image', '--local', '-f', 'pod.yaml', 'nginx=nginx:1.27', '-o', 'yaml'] },
    { name: 'set image --local -f pod.yaml nginx=nginx:1.27 -o json', args: ['set', 'image', '--local', '-f', 'pod.yaml', 'nginx=nginx:1.27', '-o', 'json'] },
    { name: 'set image --local -f deploy.yaml nginx=nginx:1.27 -o yaml', args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'nginx=nginx:1.27', '-o', 'yaml'] },
    { name: 'set image --local -f deploy.yaml *=x:1', args: ['set', 'image', '--local', '-f', 'deploy.yaml', '*=x:1'] },
    { name: 'set image --local -f deploy.yaml nope=x:1', args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'nope=x:1'] },
    { name: 'set image --local -f deploy.yaml nginx=nginx:1.25', args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'nginx=nginx:1.25'] },
    { name: 'set image -f deploy.yaml nginx=x --local -o name', args: ['set', 'image', '-f', 'deploy.yaml', 'nginx=x', '--local', '-o', 'name'] },
    { name: 'set image --local -f deploy.yaml side=b -o kyaml', args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'side=b', '-o', 'kyaml'] },
    { name: 'set image --local pod/web nginx=x', args: ['set', 'image', '--local', 'pod/web', 'nginx=x'] },
    {
      name: 'set image --local -f deploy.yaml nginx=x -o jsonpath={.spec.template.spec.containers[*].image}',
      args: ['set', 'image', '--local', '-f', 'deploy.yaml', 'nginx=x', '-o', 'jsonpath={.spec.template.spec.containers[*].image}'],
    },
    {
      name: 'patch --local -f pod.yaml -p {"metadata":{"labels":{"x":"y"}}} -o yaml',
      args: ['patch', '--local', '-f', 'pod.yaml', '-p', '{"metadata":{"labels":{"x":"y"}}}', '-o', 'yaml'],
    },
    {
      name: 'patch --local -f deploy.yaml --type=json -p [{"op":"replace","path":"/spec/replicas","value":5}] -o json',
      args: ['patch', '--local', '-f', 'deploy.yaml', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":5}]', '-o', 'json'],
    },
    {
      name: 'patch --local -f deploy.yaml -p {"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox:2"}]}}}} -o yaml',
      args: ['patch', '--local', '-f', 'deploy.yaml', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox:2"}]}}}}', '-o', 'yaml'],
    },
    {
      name: 'patch --local -f deploy.yaml --type=merge -p {"spec":{"replicas":3}}',
      args: ['patch', '--local', '-f', 'deploy.yaml', '--type=merge', '-p', '{"spec":{"replicas":3}}'],
    },
    { name: 'patch --local pod/web -p {}', args: ['patch', '--local', 'pod/web', '-p', '{}'] },
    {
      name: 'patch --local -f deploy.yaml --type=merge -p {"spec":{"replicas":3}} -o jsonpath={.spec.replicas}',
      args: ['patch', '--local', '-f', 'deploy.yaml', '--type=merge', '-p', '{"spec":{"replicas":3}}', '-o', 'jsonpath={.spec.replicas}'],
    },
    { name: 'label --local -f pod.yaml nope- -o yaml', args: ['label', '--local', '-f', 'pod.yaml', 'nope-', '-o', 'yaml'] },
    { name: 'annotate --local -f pod.yaml nope- -o yaml', args: ['annotate', '--local', '-f', 'pod.yaml', 'nope-', '-o', 'yaml'] },
    { name: 'label --local -f missing.yaml a=b', args: ['label', '--local', '-f', 'missing.yaml', 'a=b'] },
    {
      name: 'patch --local -f pod.yaml -p {"spec":{"containers":[{"name":"nginx","image":"nginx:2"}]}} -o kyaml',
      args: ['patch', '--local', '-f', 'pod.yaml', '-p', '{"spec":{"containers":[{"name":"nginx","image":"nginx:2"}]}}', '-o', 'kyaml'],
    },
  ]),
);
