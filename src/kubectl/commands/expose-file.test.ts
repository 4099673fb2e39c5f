import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const FULL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fd
  labels: {tier: web}
spec:
  selector:
    matchLabels: {app: fd}
  template:
    metadata:
      labels: {app: fd}
    spec:
      containers:
      - name: c
        image: nginx
        ports:
        - containerPort: 8080
`;
const NAME_ONLY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: rb\n';
const DAEMON_SET = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: dd\n';
const NO_SELECTOR = "couldn't retrieve selectors via --selector flag or introspection: invalid deployment: no selectors, therefore cannot be exposed";

// Printed by kubectl v1.35.2 against `cka-lab serve`: expose reads a file's object as written.
const cases = [
  {
    name: 'a service from the file object',
    line: 'kubectl expose -f full.yaml --dry-run=client -o yaml',
    stdout:
      'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    tier: web\n  name: fd\nspec:\n  ports:\n  - port: 8080\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: fd\nstatus:\n  loadBalancer: {}\n',
  },
  {
    name: 'one service per file object',
    line: 'kubectl expose -f full.yaml -f full.yaml --dry-run=client --name=x',
    stdout: 'service/x exposed (dry run)\nservice/x exposed (dry run)\n',
  },
  { name: 'created on the server', line: 'kubectl expose -f full.yaml', stdout: 'service/fd exposed\n' },
  { name: 'the file object, not the server one', line: 'kubectl expose -f name.yaml --port=80', stdout: '', stderr: `error: ${NO_SELECTOR}\n`, code: 1 },
  { name: 'each refusal of several', line: 'kubectl expose -f name.yaml -f ds.yaml --port=80', stdout: '', stderr: `${NO_SELECTOR}\ncannot expose a DaemonSet.apps\n`, code: 1 },
  {
    name: 'with a merge override',
    line: `kubectl expose deploy rb --port=80 --overrides='{"spec":{"type":"NodePort"}}' --dry-run=client -o yaml`,
    stdout:
      'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: rb\n  name: rb\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: rb\n  type: NodePort\nstatus:\n  loadBalancer: {}\n',
  },
  {
    name: 'with a strategic override merging ports by port',
    line: `kubectl expose deploy rb --port=80 --overrides='{"spec":{"ports":[{"port":80,"name":"web"}]}}' --override-type=strategic --dry-run=client -o jsonpath={.spec.ports}`,
    stdout: '[{"name":"web","port":80,"protocol":"TCP","targetPort":80}]',
  },
  {
    name: 'with a JSON patch override',
    line: `kubectl expose deploy rb --port=80 --overrides='[{"op":"add","path":"/metadata/labels/x","value":"y"}]' --override-type=json --dry-run=client -o name`,
    stdout: 'service/rb\n',
  },
  {
    name: 'not with an override that is not JSON',
    line: "kubectl expose deploy rb --port=80 --overrides='x' --dry-run=client",
    stdout: '',
    stderr: 'error: Invalid JSON Patch\n',
    code: 1,
  },
  {
    name: 'not with an unknown override type',
    line: "kubectl expose deploy rb --port=80 --overrides='{}' --override-type=bogus --dry-run=client",
    stdout: '',
    stderr: 'error: invalid override type: bogus\n',
    code: 1,
  },
  {
    name: 'names beside a file',
    line: 'kubectl expose -f full.yaml deploy/rb --port=80',
    stdout: '',
    stderr: 'error: resource/name arguments cannot be provided when a path is specified\n',
    code: 1,
  },
];

describe('kubectl expose -f', () => {
  it.each(cases)(
    'exposes $name',
    async ({ line, stdout, stderr = '', code = 0 }) => {
      const session = await newSession();
      await runLine(session, 'kubectl create deployment rb --image=nginx');
      for (const [file, text] of [
        ['full.yaml', FULL],
        ['name.yaml', NAME_ONLY],
        ['ds.yaml', DAEMON_SET],
      ])
        session.fs.writeFile(`${session.shell.cwd}/${file}`, text!);
      expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
    },
    30_000,
  );
});
