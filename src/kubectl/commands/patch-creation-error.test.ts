import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const GOOD = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: fz-rs
spec:
  replicas: 1
  selector:
    matchLabels:
      app: fz
  template:
    metadata:
      labels:
        app: fz
    spec:
      containers:
        - name: c
          image: nginx
`;

// A container without its merge key (name), found by the manifests fuzz (seed 2002, input 74).
const NO_MERGE_KEY = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: fz-rs
spec:
  replicas: 1
  selector: {}
  template:
    metadata:
      labels:
        app: fz
    spec:
      containers:
        - port: -2.5357272809319e-31
fzUnknown2: {}
`;

const CAUSE = 'map: map[port:-2.5357272809319e-31] does not contain declared merge key: name';
const WARNINGS = `warning: error calculating patch from openapi v3 spec: ${CAUSE}\nwarning: error calculating patch from openapi spec: ${CAUSE}\n`;
const ORIGINAL =
  '{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"annotations":{},"name":"fz-rs","namespace":"default"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"fz"}},"template":{"metadata":{"labels":{"app":"fz"}},"spec":{"containers":[{"image":"nginx","name":"c"}]}}}}';
const MODIFIED_NO_ANNOTATION =
  '{"apiVersion":"apps/v1","fzUnknown2":{},"kind":"ReplicaSet","metadata":{"annotations":{},"name":"fz-rs","namespace":"default"},"spec":{"replicas":1,"selector":{},"template":{"metadata":{"labels":{"app":"fz"}},"spec":{"containers":[{"port":-2.5357272809319e-31}]}}}}';
const MODIFIED_ANNOTATED =
  '{"apiVersion":"apps/v1","fzUnknown2":{},"kind":"ReplicaSet","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"apps/v1\\",\\"fzUnknown2\\":{},\\"kind\\":\\"ReplicaSet\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"fz-rs\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"replicas\\":1,\\"selector\\":{},\\"template\\":{\\"metadata\\":{\\"labels\\":{\\"app\\":\\"fz\\"}},\\"spec\\":{\\"containers\\":[{\\"port\\":-2.5357272809319e-31}]}}}}\\n"},"name":"fz-rs","namespace":"default"},"spec":{"replicas":1,"selector":{},"template":{"metadata":{"labels":{"app":"fz"}},"spec":{"containers":[{"port":-2.5357272809319e-31}]}}}}';

// The live object's JSON depends on the cluster (uid, times), so it is compared as an object.
const CURRENT = '<current>';

// Whole stderr as kubectl v1.35.2 prints it against `cka-lab serve` after applying GOOD.
describe('a strategic merge patch kubectl cannot compute', () => {
  it.each([
    {
      name: 'apply reports the three documents and the missing merge key',
      line: 'kubectl apply -f - < bad.yaml',
      code: 1,
      stderr: `${WARNINGS}error: error when applying patch:\n\nto:\nResource: "apps/v1, Resource=replicasets", GroupVersionKind: "apps/v1, Kind=ReplicaSet"\nName: "fz-rs", Namespace: "default"\nfor: "STDIN": error when patching "STDIN": creating patch with:\noriginal:\n${ORIGINAL}\n\nmodified:\n${MODIFIED_ANNOTATED}\n\ncurrent:\n${CURRENT}\n\nfor: ${CAUSE}\n`,
    },
    {
      name: 'diff fails with exit 2 and the unannotated manifest',
      line: 'kubectl diff -f bad.yaml',
      code: 2,
      stderr: `${WARNINGS}error: error when patching "bad.yaml": creating patch with:\noriginal:\n${ORIGINAL}\n\nmodified:\n${MODIFIED_NO_ANNOTATION}\n\ncurrent:\n${CURRENT}\n\nfor: ${CAUSE}\n`,
    },
  ])('$name', async ({ line, code, stderr }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/good.yaml`, GOOD);
    session.fs.writeFile(`${session.shell.cwd}/bad.yaml`, NO_MERGE_KEY);
    expect((await runLine(session, 'kubectl apply -f good.yaml')).code).toBe(0);
    const live = JSON.parse((await runLine(session, 'kubectl get rs fz-rs -o json --show-managed-fields')).stdout) as unknown;
    const run = await runLine(session, line);
    const lines = run.stderr.split('\n');
    const at = lines.indexOf('current:') + 1;
    expect(JSON.parse(lines[at]!)).toEqual(live);
    lines[at] = CURRENT;
    expect({ stdout: run.stdout, stderr: lines.join('\n'), code: run.code }).toEqual({ stdout: '', stderr, code });
  });
});
