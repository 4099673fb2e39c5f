import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const generated = (spec: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: p1\n  name: p1\nspec:\n${spec}  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n`;

// Each line and what kubectl v1.35.2 prints for it against a served cluster.
const cases: { name: string; flags: string; output: string }[] = [
  {
    name: 'merges an object, a new container getting its resources struct',
    flags: `-o yaml --overrides='{"spec":{"nodeName":"n1","containers":[{"name":"x","image":"busybox"}]}}'`,
    output: generated('  containers:\n  - image: busybox\n    name: x\n    resources: {}\n').replace('  restartPolicy', '  nodeName: n1\n  restartPolicy'),
  },
  {
    name: 'merges a strategic patch into the container of the same name',
    flags: `-o yaml --override-type=strategic --overrides='{"spec":{"containers":[{"name":"p1","env":[{"name":"A","value":"1"}]}]}}'`,
    output: generated('  containers:\n  - env:\n    - name: A\n      value: "1"\n    image: nginx\n    name: p1\n    resources: {}\n'),
  },
  { name: 'refuses a merge patch that is not an object', flags: `-o name --overrides='{bad'`, output: 'error: Invalid JSON Patch\n' },
  { name: 'refuses an unknown override type', flags: `-o name --override-type=bogus --overrides='{}'`, output: 'error: invalid override type: bogus\n' },
  { name: 'ignores the override type without overrides', flags: '-o name --override-type=bogus', output: 'pod/p1\n' },
  {
    name: 'names the json-patch syntax error',
    flags: `-o name --override-type=json --overrides='{bad'`,
    output: "error: invalid character 'b' looking for beginning of object key string\n",
  },
  {
    name: 'names the failing remove',
    flags: `-o name --override-type=json --overrides='[{"op":"remove","path":"/spec/zz"}]'`,
    output: "error: error in remove for path: '/spec/zz': Unable to remove nonexistent key: zz: missing value\n",
  },
  {
    name: 'refuses an apiVersion without a Pod',
    flags: `-o name --overrides='{"apiVersion":"v2"}'`,
    output: 'error: no kind "Pod" is registered for version "v2" in scheme "pkg/scheme/scheme.go:28"\n',
  },
];

describe('kubectl run --overrides', () => {
  it.each(cases)('$name', async ({ flags, output }) => {
    const session = await newSession();
    const { stdout, stderr } = await runLine(session, `kubectl run p1 --image=nginx --dry-run=client ${flags}`);
    expect(stdout + stderr).toBe(output);
  });
});
