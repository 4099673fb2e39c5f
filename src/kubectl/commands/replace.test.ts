import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  COLOR: blue\n';

// Outputs of kubectl v1.35.2 (tests/parity/corpus/create-apply.sh, labs/init-containers).
const cases: { name: string; files: Record<string, string>; lines: string[]; want: { stdout: string; stderr: string; code: number } }[] = [
  {
    name: 'replaces an existing object',
    files: { 'cm.yaml': CM },
    lines: ['kubectl create -f cm.yaml', 'kubectl replace -f cm.yaml'],
    want: { stdout: 'configmap/settings replaced\n', stderr: '', code: 0 },
  },
  {
    name: 'a missing object is named with its file',
    files: { 'cm.yaml': CM },
    lines: ['kubectl replace -f cm.yaml'],
    want: { stdout: '', stderr: 'Error from server (NotFound): error when replacing "cm.yaml": configmaps "settings" not found\n', code: 1 },
  },
  {
    name: '--force deletes then creates',
    files: { 'cm.yaml': CM },
    lines: ['kubectl create -f cm.yaml', 'kubectl replace --force -f cm.yaml'],
    want: { stdout: 'configmap "settings" deleted from default namespace\nconfigmap/settings replaced\n', stderr: '', code: 0 },
  },
  {
    name: 'an empty file passes no objects',
    files: { 'e.yaml': '' },
    lines: ['kubectl replace -f e.yaml'],
    want: { stdout: '', stderr: 'error: no objects passed to replace\n', code: 1 },
  },
  {
    name: '--force with an empty file finds nothing to delete',
    files: { 'e.yaml': '' },
    lines: ['kubectl replace --force -f e.yaml'],
    want: { stdout: 'No resources found\n', stderr: 'error: no objects passed to replace\n', code: 1 },
  },
  {
    name: '--force deletes what it could read, then stops at a broken file',
    files: { 'cm.yaml': CM, 'broken.yaml': 'kind: Pod\nmetadata:\n  name: b\n spec: {}\n' },
    lines: ['kubectl create -f cm.yaml', 'kubectl replace --force -f cm.yaml -f broken.yaml', 'kubectl get cm settings'],
    want: { stdout: '', stderr: 'Error from server (NotFound): configmaps "settings" not found\n', code: 1 },
  },
];

describe('kubectl replace -f', () => {
  it.each(cases)('$name', async ({ files, lines, want }) => {
    const session = await newSession();
    for (const [name, text] of Object.entries(files)) session.fs.writeFile(`${session.shell.cwd}/${name}`, text);
    let last = { stdout: '', stderr: '', code: 0 };
    for (const line of lines) last = await runLine(session, line);
    expect(last).toEqual(want);
  });
});
