import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const TWO = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: l1\n  labels:\n    app: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: l2\n  labels:\n    app: b\n';
const BOTH = 'configmap/l1 created (dry run)\nconfigmap/l2 created (dry run)\n';
const refused = (stderr: string) => ({ stdout: '', stderr, code: 1 });

// kubectl v1.35.2 `apply -f two.yaml …` against a served cluster.
const cases: { name: string; flags: string; want: { stdout: string; stderr: string; code: number } }[] = [
  { name: '-l applies only the objects it selects', flags: '-l app=a --dry-run=client', want: { stdout: 'configmap/l1 created (dry run)\n', stderr: '', code: 0 } },
  { name: '-l selecting nothing passes no objects', flags: '-l app=c --dry-run=client', want: refused('error: no objects passed to apply\n') },
  {
    name: 'an unparsable selector',
    flags: "-l 'app in (' --dry-run=client",
    want: refused(`error: the provided selector "app in (" is not valid: unable to parse requirement: found '', expected: ',', ')' or identifier\n`),
  },
  { name: '--all with a selector', flags: '--all -l app=a', want: refused('error: cannot set --all and --selector at the same time\n') },
  { name: 'an unknown --cascade value', flags: '--cascade=bogus', want: refused('error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n') },
  {
    name: 'a --timeout that is no duration',
    flags: '--timeout=bogus',
    want: refused('error: invalid argument "bogus" for "--timeout" flag: time: invalid duration "bogus"\nSee \'kubectl apply --help\' for usage.\n'),
  },
  { name: '--subresource without --server-side', flags: '--subresource=status', want: refused('error: --subresource can only be specified for --server-side\n') },
  {
    name: '--subresource=status of an object not there yet',
    flags: '-l app=a --subresource=status --server-side --dry-run=server',
    want: refused('Error from server (NotFound): configmaps "l1" not found\n'),
  },
  { name: '--all without --prune changes nothing', flags: '--all --dry-run=client', want: { stdout: BOTH, stderr: '', code: 0 } },
  { name: '--overwrite=false on new objects', flags: '--overwrite=false --dry-run=client', want: { stdout: BOTH, stderr: '', code: 0 } },
  { name: '--openapi-patch=false on new objects', flags: '--openapi-patch=false --dry-run=client', want: { stdout: BOTH, stderr: '', code: 0 } },
  { name: '--wait and --grace-period without --force', flags: '--wait --grace-period=3 --dry-run=client', want: { stdout: BOTH, stderr: '', code: 0 } },
];

describe('kubectl apply flags', () => {
  it.each(cases)(
    '$name',
    async ({ flags, want }) => {
      const session = await newSession();
      session.fs.writeFile(`${session.shell.cwd}/two.yaml`, TWO);
      expect(await runLine(session, `kubectl apply -f two.yaml ${flags}`)).toEqual(want);
    },
    60_000,
  );
});

const DEPLOYMENT = (app: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fdep\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`;

// kubectl v1.35.2 against a served cluster: an immutable selector changed, with and without --force.
const forceCases: { name: string; lines: string[]; want: { stdout: string; stderr: string; code: number } }[] = [
  {
    name: '--force deletes and re-creates an object the patch cannot change',
    lines: ['kubectl apply -f dep1.yaml', 'kubectl apply -f dep2.yaml --force'],
    want: { stdout: 'deployment.apps/fdep configured\n', stderr: '', code: 0 },
  },
  {
    name: 'the re-created object has the new selector',
    lines: ['kubectl apply -f dep1.yaml', 'kubectl apply -f dep2.yaml --force', "kubectl get deploy fdep -o jsonpath='{.spec.selector}'"],
    want: { stdout: '{"matchLabels":{"app":"two"}}', stderr: '', code: 0 },
  },
  {
    name: 'a client dry run with --force only says configured',
    lines: ['kubectl apply -f dep2.yaml', 'kubectl apply -f dep1.yaml --force --dry-run=client'],
    want: { stdout: 'deployment.apps/fdep configured (dry run)\n', stderr: '', code: 0 },
  },
];

describe('kubectl apply --force', () => {
  it.each(forceCases)(
    '$name',
    async ({ lines, want }) => {
      const session = await newSession();
      session.fs.writeFile(`${session.shell.cwd}/dep1.yaml`, DEPLOYMENT('one'));
      session.fs.writeFile(`${session.shell.cwd}/dep2.yaml`, DEPLOYMENT('two'));
      let last = { stdout: '', stderr: '', code: 0 };
      for (const line of lines) last = await runLine(session, line);
      expect(last).toEqual(want);
    },
    60_000,
  );
});
