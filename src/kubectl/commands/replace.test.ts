import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  COLOR: blue\n';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sleeper\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: ["sleep", "3600"]\n';

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
  {
    name: '--grace-period needs --force',
    files: { 'cm.yaml': CM },
    lines: ['kubectl replace -f cm.yaml --grace-period=5'],
    want: { stdout: '', stderr: 'error: --grace-period must have --force specified\n', code: 1 },
  },
  {
    name: '--timeout needs --force',
    files: { 'cm.yaml': CM },
    lines: ['kubectl replace -f cm.yaml --timeout=5s'],
    want: { stdout: '', stderr: 'error: --timeout must have --force specified\n', code: 1 },
  },
  {
    name: '--force refuses --dry-run',
    files: { 'cm.yaml': CM },
    lines: ['kubectl replace -f cm.yaml --force --dry-run=server'],
    want: { stdout: '', stderr: 'error: --dry-run can not be used when --force is set\n', code: 1 },
  },
  {
    name: 'an unknown --cascade value',
    files: { 'cm.yaml': CM },
    lines: ['kubectl replace -f cm.yaml --cascade=bogus'],
    want: { stdout: '', stderr: 'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n', code: 1 },
  },
  {
    name: '--force --cascade=orphan deletes then creates',
    files: { 'cm.yaml': CM },
    lines: ['kubectl create -f cm.yaml', 'kubectl replace --force --cascade=orphan --wait -f cm.yaml'],
    want: { stdout: 'configmap "settings" deleted from default namespace\nconfigmap/settings replaced\n', stderr: '', code: 0 },
  },
  {
    name: '--subresource names a subresource the kind lacks',
    files: { 'cm.yaml': CM },
    lines: ['kubectl create -f cm.yaml', 'kubectl replace -f cm.yaml --subresource=bogus'],
    want: { stdout: '', stderr: 'Error from server (NotFound): error when replacing "cm.yaml": the server could not find the requested resource\n', code: 1 },
  },
  {
    name: '--timeout ends the wait for a pod still terminating',
    files: { 'pod.yaml': POD },
    lines: ['kubectl create -f pod.yaml', 'sleep 8', 'kubectl replace --force -f pod.yaml --timeout=3s'],
    want: { stdout: 'pod "sleeper" deleted from default namespace\n', stderr: 'error: context deadline exceeded\n', code: 1 },
  },
];

describe('kubectl replace -f', () => {
  it.each(cases)(
    '$name',
    async ({ files, lines, want }) => {
      const session = await newSession();
      for (const [name, text] of Object.entries(files)) session.fs.writeFile(`${session.shell.cwd}/${name}`, text);
      let last = { stdout: '', stderr: '', code: 0 };
      for (const line of lines) last = await runLine(session, line);
      expect(last).toEqual(want);
    },
    60_000,
  );
});
