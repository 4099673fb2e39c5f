/**
 * Seeded fuzzing of kubectl command lines: a subcommand of ours with flags drawn from its own flag
 * table (every spelling pflag takes, values good and bad), resource types, names and garbage. A
 * command that changes objects only reaches namespace fz and names starting `fz` (a final `-n fz`
 * wins, cluster-scoped types are left out), so everything else must come through intact. The
 * checks are FuzzRunner's. Run by kubectl-flags.test.ts (small budget) and large-run.ts (`npm run fuzz`).
 */
import fc from 'fast-check';
import { kubectlCommands } from '../../src/kubectl/kubectl.ts';
import { GLOBAL_FLAGS, type FlagSpec } from '../../src/kubectl/flags.ts';
import type { FuzzRunner } from './fuzz-session.ts';

/** Subcommands that only read objects: they may be pointed anywhere. */
const READ_ONLY = new Set(['get', 'describe', 'logs', 'rollout status', 'rollout history', 'version', 'api-resources', 'exec', 'attach', 'port-forward']);
/** Flags that would widen a changing command past namespace fz. */
const WIDENING = new Set(['all-namespaces', 'namespace']);

const NAMESPACED_TYPES = [
  'pods',
  'po',
  'pod',
  'deployments',
  'deploy',
  'deployment.apps',
  'deployments.v1.apps',
  'rs',
  'replicasets',
  'svc',
  'services',
  'cm',
  'configmaps',
  'secrets',
  'ep',
  'endpoints',
  'events',
  'ev',
  'endpointslices',
];
const OTHER_TYPES = ['nodes', 'no', 'ns', 'namespaces', 'all', 'widgets', 'pods,svc', 'deploy,cm', 'po,no', 'Pod', 'PODS', 'deployment.', 'apps', ''];
const FZ_NAMES = ['fz-web', 'fz-cm', 'fz-pod', 'fz-new', 'fz-x', 'deploy/fz-web', 'pod/fz-pod', 'cm/fz-cm', 'deployment.apps/fz-web', 'pods/fz-pod', 'fz-web-0'];
const OTHER_NAMES = ['keep', 'keep-pod', 'kubernetes', 'default', 'controlplane', 'kube-system', 'deploy/keep', 'pod/keep-pod', 'node/controlplane', 'no/node01', 'svc/kube-dns'];
const ARG_PIECES = [
  'fz=1',
  'fz-',
  'fz=',
  '=x',
  'a=b=c',
  'fz=1 --overwrite',
  'c=nginx:1.27',
  '*=busybox',
  'nginx',
  'busybox',
  '--',
  'sh',
  '-c',
  'echo hi',
  'ls',
  'sleep',
  '5',
  '8080:80',
  ':80',
  '80',
  '99999',
  '{"spec":{"replicas":3}}',
  '[{"op":"add","path":"/x","value":1}]',
  '{',
  'null',
];
const VALUES = [
  '',
  'yaml',
  'json',
  'wide',
  'name',
  'jsonpath={.metadata.name}',
  'jsonpath={.items[*].metadata.name}',
  'jsonpath={range .items[*]}{.kind}{"\\n"}{end}',
  'jsonpath={',
  'jsonpath={.a[-1:]}',
  'custom-columns=N:.metadata.name',
  'custom-columns=',
  'go-template={{.metadata.name}}',
  'go-template={{',
  'none',
  'client',
  'server',
  'true',
  'false',
  '0',
  '-1',
  '1',
  '3',
  '2147483648',
  '1s',
  '0s',
  '10m',
  '-5s',
  'abc',
  'app=fz',
  'app!=x',
  'app in (fz)',
  'a,',
  'status.phase=Running',
  'metadata.name=fz-pod',
  'spec.x=y',
  'nginx',
  'busybox:1.36',
  'fz.yaml',
  '/root/fz.yaml',
  '-',
  '/nope',
  'fz-web',
  'c',
  'json-patch',
  'merge',
  'strategic',
  'Always',
  'Never',
  'IfNotPresent',
  'ClusterIP',
  '{"spec":{}}',
  'a=b',
  '--',
  '-n',
  '日本',
  '%d',
];

const FZ_MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: fz-file
  namespace: fz
data:
  k: v
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fz-file-d
  namespace: fz
spec:
  selector:
    matchLabels: {app: fzf}
  template:
    metadata:
      labels: {app: fzf}
    spec:
      containers: [{name: c, image: nginx}]
`;

const value = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** One flag in one of pflag's spellings. */
function flagTokens(spec: FlagSpec): fc.Arbitrary<readonly string[]> {
  const long = `--${spec.name}`;
  if (spec.kind === 'bool')
    return fc.oneof(
      fc.constant([long]),
      fc.constantFrom('true', 'false', 'yes', '').map((v) => [`${long}=${v}`]),
      ...(spec.short ? [fc.constant([`-${spec.short}`])] : []),
    );
  return fc.oneof(
    value.map((v) => [long, v]),
    value.map((v) => [`${long}=${v}`]),
    fc.constant([long]),
    ...(spec.short ? [value.map((v) => [`-${spec.short}`, v]), value.map((v) => [`-${spec.short}${v}`])] : []),
  );
}

const GARBAGE = fc.oneof(fc.constantFrom('--unknown', '-', '--', '-Z', '---', '--=x', '-n=', '-o', '--output'), fc.string({ maxLength: 8 }));

function commandLine(path: string, flags: FlagSpec[]): fc.Arbitrary<string> {
  const changes = !READ_ONLY.has(path);
  const specs = [...flags, ...GLOBAL_FLAGS].filter((spec) => !(changes && WIDENING.has(spec.name)) && spec.name !== 'kubeconfig');
  const arg = changes
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...NAMESPACED_TYPES) },
        { weight: 3, arbitrary: fc.constantFrom(...FZ_NAMES) },
        { weight: 2, arbitrary: fc.constantFrom(...ARG_PIECES) },
      )
    : fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...NAMESPACED_TYPES, ...OTHER_TYPES) },
        { weight: 3, arbitrary: fc.constantFrom(...FZ_NAMES, ...OTHER_NAMES) },
        { weight: 2, arbitrary: fc.constantFrom(...ARG_PIECES) },
        { weight: 1, arbitrary: GARBAGE },
      );
  const token = fc.oneof(
    { weight: 3, arbitrary: arg.map((a) => [a]) },
    { weight: 3, arbitrary: fc.constantFrom(...specs).chain(flagTokens) },
    { weight: changes ? 0 : 1, arbitrary: GARBAGE.map((g) => [g]) },
  );
  return fc.array(token, { maxLength: 6 }).map((tokens) => {
    const words = ['kubectl', ...path.split(' '), ...tokens.flat().map(quote)];
    // `kubectl config` writes the kubeconfig it reads: give it one of the fuzz's own.
    if (path.startsWith('config')) return `KUBECONFIG=/root/fz.kubeconfig ${words.join(' ')}`;
    if (changes) {
      // `-n fz` first and last, so a flag left without its value that eats the last one leaves
      // the first; a `--` would turn them into arguments, so a changing command never has one.
      const end = words.indexOf('--');
      return ['kubectl', '-n', 'fz', ...(end < 0 ? words : words.slice(0, end)).slice(1), '-n', 'fz'].join(' ');
    }
    return words.join(' ');
  });
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const line = fc.oneof(...kubectlCommands().map((command) => commandLine(command.path, command.flags)));

/** What `npm test` affords. */
export const KUBECTL_FLAGS_SMALL_RUNS = 1000;

/** Every input through `runner`'s checks. */
export function kubectlFlagsProperty(runner: FuzzRunner) {
  return fc.asyncProperty(line, fc.integer({ min: 0, max: 10_000 }), async (text, budgetMs) => {
    await runner.check(text, budgetMs, { '/root/fz.yaml': FZ_MANIFEST });
  });
}
