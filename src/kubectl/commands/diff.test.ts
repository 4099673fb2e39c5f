import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  COLOR: blue\n';
// The temp folders' numbers and the files' times differ run to run, in kubectl v1.35.2 too.
const stable = (text: string) => text.replace(/(LIVE|MERGED)-\d+/g, '$1-N').replace(/\t.*$/gm, '');

// Outputs of kubectl v1.35.2 against the same served cluster (tests/parity/corpus/diff.sh).
const cases: { name: string; lines: string[]; want: { stdout: string; stderr: string; code: number } }[] = [
  {
    name: 'a change to a live object shows as a unified diff and exits 1',
    lines: ['kubectl apply -f cm.yaml', "sed -i 's/blue/green/' cm.yaml", 'kubectl diff -f cm.yaml'],
    want: {
      stdout: [
        'diff -u -N /tmp/LIVE-N/v1.ConfigMap.default.settings /tmp/MERGED-N/v1.ConfigMap.default.settings',
        '--- /tmp/LIVE-N/v1.ConfigMap.default.settings',
        '+++ /tmp/MERGED-N/v1.ConfigMap.default.settings',
        '@@ -1,6 +1,6 @@',
        ' apiVersion: v1',
        ' data:',
        '-  COLOR: blue',
        '+  COLOR: green',
        ' kind: ConfigMap',
        ' metadata:',
        '   annotations:',
        '',
      ].join('\n'),
      stderr: '',
      code: 1,
    },
  },
  { name: 'nothing to change prints nothing and exits 0', lines: ['kubectl apply -f cm.yaml', 'kubectl diff -f cm.yaml'], want: { stdout: '', stderr: '', code: 0 } },
  {
    name: 'KUBECTL_EXTERNAL_DIFF names the program, dropping unsafe words',
    lines: ['KUBECTL_EXTERNAL_DIFF="diff -q ;x" kubectl diff -f cm.yaml'],
    want: { stdout: 'Files /tmp/LIVE-N/v1.ConfigMap.default.settings and /tmp/MERGED-N/v1.ConfigMap.default.settings differ\n', stderr: '', code: 1 },
  },
  { name: 'no file', lines: ['kubectl diff'], want: { stdout: '', stderr: 'error: must specify one of -f and -k\n', code: 2 } },
  {
    name: 'a flag diff does not have',
    lines: ['kubectl diff -f cm.yaml --dry-run=server'],
    want: { stdout: '', stderr: "error: unknown flag: --dry-run\nSee 'kubectl diff -h' for help and examples\n", code: 2 },
  },
  { name: 'a missing file', lines: ['kubectl diff -f nope.yaml'], want: { stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n', code: 2 } },
];

describe('kubectl diff -f', () => {
  it.each(cases)('$name', async ({ lines, want }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/cm.yaml`, CM);
    let last = { stdout: '', stderr: '', code: 0 };
    for (const line of lines) last = await runLine(session, line);
    expect({ ...last, stdout: stable(last.stdout) }).toEqual(want);
  });

  it('leaves no temp folders behind', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/cm.yaml`, CM);
    await runLine(session, 'kubectl diff -f cm.yaml');
    expect(await runLine(session, 'ls /tmp')).toEqual({ stdout: '', stderr: '', code: 0 });
  });
});
