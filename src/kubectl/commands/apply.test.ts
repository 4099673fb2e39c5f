import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  COLOR: blue\n';
const ok = (stdout: string) => ({ stdout, stderr: '', code: 0 });

// Outputs of kubectl v1.35.2 (tests/parity/corpus/create-apply.sh).
const cases: { name: string; lines: string[]; want: { stdout: string; stderr: string; code: number } }[] = [
  { name: 'first apply creates', lines: ['kubectl apply -f cm.yaml'], want: ok('configmap/settings created\n') },
  { name: 'the same manifest again is unchanged', lines: ['kubectl apply -f cm.yaml', 'kubectl apply -f cm.yaml'], want: ok('configmap/settings unchanged\n') },
  {
    name: 'a client dry run of an existing object says configured',
    lines: ['kubectl apply -f cm.yaml', 'kubectl apply -f cm.yaml --dry-run=client'],
    want: ok('configmap/settings configured (dry run)\n'),
  },
  {
    name: 'the annotation holds the namespace and an empty annotations map',
    lines: ['kubectl apply -f cm.yaml', 'kubectl get cm settings -o jsonpath={.metadata.annotations}'],
    want: ok(
      '{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"COLOR\\":\\"blue\\"},\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"settings\\",\\"namespace\\":\\"default\\"}}\\n"}',
    ),
  },
  {
    name: 'a server dry run changes nothing',
    lines: ['kubectl apply -f cm.yaml', "sed -i 's/blue/green/' cm.yaml", 'kubectl apply -f cm.yaml --dry-run=server', 'kubectl get cm settings -o jsonpath={.data.COLOR}'],
    want: ok('blue'),
  },
  {
    name: 'server-side apply is refused by a server without it',
    lines: ['kubectl apply --server-side -f cm.yaml'],
    want: {
      stdout: '',
      stderr:
        'error: Server-side apply not available on the server: (the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json)\n',
      code: 1,
    },
  },
];

describe('kubectl apply -f', () => {
  it.each(cases)('$name', async ({ lines, want }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/cm.yaml`, CM);
    let last = ok('');
    for (const line of lines) last = await runLine(session, line);
    expect(last).toEqual(want);
  });
});
