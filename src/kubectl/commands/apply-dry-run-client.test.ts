import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// kubectl v1.35.2 against a served cluster: `create configmap cm1 --from-literal=a=b`, then
// `apply --dry-run=client -f cm.yaml` of a manifest with `data: {z: null}`. apply.go skips the
// patch on a client dry run and prints the live object it read, not the manifest.
const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm1\ndata:\n  z: null\n';
const LIVE =
  /^apiVersion: v1\ndata:\n {2}a: b\nkind: ConfigMap\nmetadata:\n {2}creationTimestamp: "[^"]+"\n {2}name: cm1\n {2}namespace: default\n {2}resourceVersion: "\d+"\n {2}uid: [0-9a-f-]{36}\n$/;

const cases: { name: string; output: string; stdout: string | RegExp }[] = [
  { name: 'yaml prints the live object', output: '-o yaml', stdout: LIVE },
  { name: 'name says only the object', output: '-o name', stdout: 'configmap/cm1\n' },
  { name: 'no output flag says configured', output: '', stdout: 'configmap/cm1 configured (dry run)\n' },
];

describe('apply --dry-run=client of an object that exists', () => {
  it.each(cases)(
    '$name',
    async ({ output, stdout }) => {
      const session = await newSession();
      session.fs.writeFile(`${session.shell.cwd}/cm.yaml`, MANIFEST);
      await runLine(session, 'kubectl create configmap cm1 --from-literal=a=b');
      const got = await runLine(session, `kubectl apply --dry-run=client ${output} -f cm.yaml`);
      expect(got).toMatchObject({ stderr: '', code: 0 });
      if (typeof stdout === 'string') expect(got.stdout).toBe(stdout);
      else expect(got.stdout).toMatch(stdout);
    },
    30_000,
  );

  it('yaml is byte for byte what get -o yaml prints', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/cm.yaml`, MANIFEST);
    await runLine(session, 'kubectl create configmap cm1 --from-literal=a=b');
    const live = await runLine(session, 'kubectl get cm cm1 -o yaml');
    expect(await runLine(session, 'kubectl apply --dry-run=client -o yaml -f cm.yaml')).toEqual(live);
  }, 30_000);
});
