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
  { name: 'server-side apply creates', lines: ['kubectl apply --server-side -f cm.yaml'], want: ok('configmap/settings serverside-applied\n') },
  {
    name: 'server-side apply refuses to take a field another manager set',
    lines: ['kubectl create configmap settings --from-literal=COLOR=red', 'kubectl apply --server-side -f cm.yaml'],
    want: {
      stdout: '',
      stderr: `error: Apply failed with 1 conflict: conflict with "kubectl-create" using v1: .data.COLOR
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`,
      code: 1,
    },
  },
  {
    name: '--force-conflicts takes the field',
    lines: [
      'kubectl create configmap settings --from-literal=COLOR=red',
      'kubectl apply --server-side --force-conflicts -f cm.yaml',
      'kubectl get cm settings -o jsonpath={.data.COLOR}',
    ],
    want: ok('blue'),
  },
  {
    name: 'each write is recorded under its manager, kept out of -o yaml',
    lines: [
      'kubectl create configmap settings --from-literal=COLOR=red',
      'kubectl apply --server-side --force-conflicts -f cm.yaml',
      'kubectl label cm settings tier=web',
      'kubectl get cm settings -o jsonpath={.metadata.managedFields[*].manager}',
    ],
    want: ok('kubectl kubectl-create kubectl-label'),
  },
  {
    name: '--force-conflicts needs --server-side',
    lines: ['kubectl apply --force-conflicts -f cm.yaml'],
    want: { stdout: '', stderr: 'error: --force-conflicts only works with --server-side\n', code: 1 },
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

// kubectl v1.35.2 against `cka-lab serve`: a field 9,000 levels deep is past JSON.stringify's reach in V8.
describe('kubectl apply of a manifest 9,000 levels deep', () => {
  const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\nfoo: ${'{a: '.repeat(9000)}1${'}'.repeat(9000)}\n`;
  it.each([
    {
      name: 'strict validation refuses the unknown field',
      line: 'kubectl apply -f deep.yaml',
      want: {
        stdout: '',
        stderr:
          'Error from server (BadRequest): error when creating "deep.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "foo"\n',
        code: 1,
      },
    },
    { name: 'without validation it is created', line: 'kubectl apply -f deep.yaml --validate=false', want: ok('configmap/deep created\n') },
  ])('$name', async ({ line, want }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/deep.yaml`, deep);
    expect(await runLine(session, line)).toEqual(want);
  });
});
