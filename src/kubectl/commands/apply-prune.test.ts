import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const cm = (name: string, app: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels:\n    app: ${app}\n`;
const FILES = { 'two.yaml': `${cm('l1', 'a')}---\n${cm('l2', 'b')}`, 'one.yaml': cm('l1', 'a') };
const refused = (stderr: string) => ({ stdout: '', stderr, code: 1 });

// kubectl v1.35.2 against a served cluster, after `kubectl apply -f two.yaml`.
const cases: { name: string; lines: string[]; want: { stdout: string; stderr: string; code: number } }[] = [
  {
    name: '--prune needs --all or a selector',
    lines: ['kubectl apply -f one.yaml --prune'],
    want: refused(
      'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n',
    ),
  },
  { name: '--prune refuses --force', lines: ['kubectl apply -f one.yaml --prune --all --force'], want: refused('error: --force cannot be used with --prune\n') },
  {
    name: '--prune refuses --server-side',
    lines: ['kubectl apply -f one.yaml --prune --all --server-side'],
    want: refused("error: --prune is in alpha and doesn't currently work on objects created by server-side apply\n"),
  },
  {
    name: 'an allowlist entry that is not group/version/kind',
    lines: ['kubectl apply -f one.yaml --prune --all --prune-allowlist=bogus'],
    want: refused('error: invalid GroupVersionKind format: bogus, please follow <group/version/kind>\n'),
  },
  {
    name: 'an allowlisted kind the server lacks',
    lines: ['kubectl apply -f one.yaml --prune --all --prune-allowlist=core/v1/Nope'],
    want: refused('error: no matches for kind "Nope" in version "v1"\n'),
  },
  {
    name: 'a client dry run prints what it would prune',
    lines: ['kubectl apply -f one.yaml --prune --all --prune-allowlist=core/v1/ConfigMap --dry-run=client'],
    want: { stdout: 'configmap/l1 configured (dry run)\nconfigmap/l2 pruned (dry run)\n', stderr: '', code: 0 },
  },
  {
    name: 'pruning deletes what the files no longer hold',
    lines: ['kubectl apply -f one.yaml --prune --all --prune-allowlist=core/v1/ConfigMap', 'kubectl get cm l2'],
    want: refused('Error from server (NotFound): configmaps "l2" not found\n'),
  },
  {
    name: 'a selector matching no object of the files passes none',
    lines: ['kubectl apply -f one.yaml --prune -l app=b'],
    want: refused('error: no objects passed to apply\n'),
  },
];

describe('kubectl apply --prune', () => {
  it.each(cases)(
    '$name',
    async ({ lines, want }) => {
      const session = await newSession();
      for (const [name, text] of Object.entries(FILES)) session.fs.writeFile(`${session.shell.cwd}/${name}`, text);
      await runLine(session, 'kubectl apply -f two.yaml');
      let last = { stdout: '', stderr: '', code: 0 };
      for (const line of lines) last = await runLine(session, line);
      expect(last).toEqual(want);
    },
    60_000,
  );
});
