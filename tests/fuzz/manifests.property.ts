/**
 * Seeded fuzzing of manifests: a valid object of each kind we serve, mutated (wrong types, huge
 * strings, deep nesting, unknown fields), written as YAML or JSON — sometimes broken, several in
 * one file or in a List — to /root and given to apply, create, replace or delete through the
 * session's shell. The checks are FuzzRunner's. Run by manifests.test.ts (small budget) and large-run.ts (`npm run fuzz`).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { FuzzRunner } from './fuzz-session.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const podSpec = { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], ports: [{ containerPort: 80 }], env: [{ name: 'A', value: 'b' }] }] };
const template = { metadata: { labels: { app: 'fz' } }, spec: podSpec };
const BASES: Record<string, Json>[] = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fz-cm2' }, data: { k: 'v' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'fz-s' }, type: 'Opaque', data: { k: 'dg==' }, stringData: { p: 'q' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fz-ns' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'fz-p', namespace: 'fz', labels: { app: 'fz' } }, spec: podSpec },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'fz-svc' },
    spec: { selector: { app: 'fz' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], type: 'NodePort' },
  },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'fz-d', namespace: 'fz' }, spec: { replicas: 2, selector: { matchLabels: { app: 'fz' } }, template } },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'fz-rs' }, spec: { replicas: 1, selector: { matchLabels: { app: 'fz' } }, template } },
  { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'fz-ep' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] },
  {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'fz-es', labels: { 'kubernetes.io/service-name': 'fz-svc' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.0.0.2'] }],
    ports: [{ port: 80 }],
  },
  { apiVersion: 'v1', kind: 'Event', metadata: { name: 'fz-ev' }, involvedObject: { kind: 'Pod', name: 'fz-p' }, reason: 'R', message: 'm', type: 'Normal' },
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'fz-node', labels: { a: 'b' } }, spec: { unschedulable: true } },
  { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'fz-w' }, spec: {} },
];

/** Strings that mean something somewhere: quantities, ports, names, YAML's own words. */
const SPECIAL_STRINGS = [
  '',
  ' ',
  '-',
  'fz-Bad_Name',
  'FZ',
  'fz.',
  '0',
  '-1',
  '1e400',
  '0x10',
  '08',
  '1.5',
  'true',
  'null',
  '~',
  'yes',
  '*',
  '100m',
  '1Gi',
  '1.5.5Gi',
  '∞',
  '日本',
  'a\tb',
  'a\nb',
  '${X}',
  '$(echo)',
  '%s',
  '\\',
  '"',
  "'",
  '---',
  'fz:x',
  'v1',
  'apps/v1',
  '/',
  '../..',
  'Always',
  'Never',
  'TCP',
  'ClusterIP',
  'LoadBalancer',
  '2147483648',
  '-2147483649',
  '9007199254740993',
];

// Numbers stay small: a Deployment of thousands of replicas takes the cluster minutes to create
// (about 30 ms a pod; the ReplicaSet controller has no burst limit yet), which is a known gap
// rather than something for every fuzz run to rediscover.
const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: -100, max: 100 }),
  fc.double({ min: -100, max: 100, noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...SPECIAL_STRINGS),
);

/** Values to put at a path: wrong types, huge strings, deep nesting, random small trees. */
const mutantValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 2, arbitrary: fc.array(leaf, { maxLength: 3 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.constantFrom('name', 'x', 'value', 'port', 'image', 'k', 'metadata', 'spec'), leaf, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 300_000 }), fc.constantFrom('x', 'é', ' ', '9')).map(([n, ch]) => ch.repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 10, max: 3_000 }), fc.boolean()).map(([depth, asArray]) => nest(depth, asArray)) },
  // Up to ~60 KB of YAML: parsing a megabyte-long manifest holds the host for ~350 ms, a known gap.
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_000 }).map((n) => Array.from({ length: n }, (_, i) => ({ name: `e${i}`, value: 'v' }))) },
);

function nest(depth: number, asArray: boolean): Json {
  let value: Json = 'x';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

interface Mutation {
  at: number;
  how: 'set' | 'delete' | 'unknown-field';
  value: Json;
}
const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), how: fc.constantFrom('set', 'set', 'delete', 'unknown-field'), value: mutantValue });

/** Containers (objects and arrays) of a tree in a fixed order, with the key paths to them. */
function containersOf(tree: Json, out: (Json[] | { [key: string]: Json })[] = []): (Json[] | { [key: string]: Json })[] {
  if (tree !== null && typeof tree === 'object') {
    out.push(tree);
    for (const child of Object.values(tree)) containersOf(child, out);
  }
  return out;
}

function mutate(base: Record<string, Json>, mutations: Mutation[]): Json {
  const tree = structuredClone(base) as Json;
  for (const { at, how, value } of mutations) {
    const containers = containersOf(tree);
    const target = containers[at % containers.length]!;
    const keys = Object.keys(target);
    if (how === 'unknown-field' && !Array.isArray(target)) target[`fzUnknown${at % 7}`] = value;
    else if (keys.length === 0) continue;
    else if (how === 'delete') {
      const key = keys[at % keys.length]!;
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
    } else (target as Record<string, Json>)[keys[at % keys.length]!] = value;
  }
  return tree;
}

function serialize(doc: Json, format: 'yaml' | 'json'): string {
  try {
    return format === 'json' ? JSON.stringify(doc, null, 2) : stringify(doc, { lineWidth: 0 });
  } catch {
    return flatJson(doc);
  }
}

/** JSON without recursion: a nest of 3,000 levels set inside another overflows JSON.stringify's stack. */
function flatJson(doc: Json): string {
  type Item = { text: string } | { value: Json };
  const out: string[] = [];
  const stack: Item[] = [{ value: doc }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('text' in item) out.push(item.text);
    else if (item.value === null || typeof item.value !== 'object') out.push(JSON.stringify(item.value));
    else {
      const isArray = Array.isArray(item.value);
      const entries: [string | undefined, Json][] = isArray ? (item.value as Json[]).map((v) => [undefined, v]) : Object.entries(item.value);
      const pending: Item[] = [{ text: isArray ? '[' : '{' }];
      entries.forEach(([key, value], i) => {
        if (i > 0) pending.push({ text: ',' });
        if (key !== undefined) pending.push({ text: `${JSON.stringify(key)}:` });
        pending.push({ value });
      });
      pending.push({ text: isArray ? ']' : '}' });
      for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
    }
  }
  return out.join('');
}

/** Text-level damage: cut short, or a stray YAML token spliced in. */
const TEXT_DAMAGE = [
  '\t',
  ':',
  ': :',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '&a ',
  '*a',
  '!!binary ',
  '!!int ',
  '---\n',
  '...\n',
  '"',
  "'",
  '#',
  '|',
  '>',
  '\n  ',
  '? ',
  '%YAML 1.1\n',
  '<<: *a\n',
  '\u0000',
  '\uFEFF',
];
const damage = fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constant(''), fc.constantFrom(...TEXT_DAMAGE))), { freq: 4 });

const documentText = fc
  .tuple(fc.nat(BASES.length - 1), fc.array(mutation, { maxLength: 3 }), fc.constantFrom<'yaml' | 'json'>('yaml', 'yaml', 'json'))
  .map(([kind, mutations, format]) => ({ doc: mutate(BASES[kind]!, mutations), format }));

const manifestFile = fc.tuple(fc.array(documentText, { minLength: 1, maxLength: 3 }), fc.constantFrom('docs', 'docs', 'list', 'json-list'), damage).map(([docs, shape, hurt]) => {
  let text: string;
  if (shape === 'list') text = serialize({ apiVersion: 'v1', kind: 'List', items: docs.map((d) => d.doc) }, 'yaml');
  else if (shape === 'json-list') text = serialize({ apiVersion: 'v1', kind: 'List', items: docs.map((d) => d.doc) }, 'json');
  else text = docs.map((d) => serialize(d.doc, d.format)).join(docs.every((d) => d.format === 'json') ? '\n' : '\n---\n');
  if (hurt !== null) {
    const [where, splice] = hurt;
    const at = Math.floor(where * text.length);
    text = text.slice(0, at) + splice + (splice === '' ? '' : text.slice(at));
  }
  return text;
});

const COMMAND_LINES = [
  'kubectl apply -f fz.yaml',
  'kubectl apply -f fz.yaml -o yaml',
  'kubectl apply --server-side -f fz.yaml',
  'kubectl apply --server-side --force-conflicts -f fz.yaml -o json',
  'kubectl apply --dry-run=server -f fz.yaml',
  'kubectl apply --dry-run=client -f fz.yaml -o yaml',
  'kubectl create -f fz.yaml',
  'kubectl create -f fz.yaml -o name',
  'kubectl create --dry-run=client -f fz.yaml -o json',
  'kubectl replace -f fz.yaml',
  'kubectl replace --force -f fz.yaml',
  'kubectl delete -f fz.yaml',
  'kubectl get -f fz.yaml',
  'kubectl describe -f fz.yaml',
  'kubectl apply -f fz.yaml && kubectl apply -f fz.yaml',
  'kubectl create -f fz.yaml; kubectl get -f fz.yaml -o wide; kubectl delete -f fz.yaml --wait=false',
  'cat fz.yaml | kubectl apply -f -',
  'kubectl apply -f - < fz.yaml',
  'kubectl label -f fz.yaml fz=1 --overwrite',
  'kubectl apply -n fz -f fz.yaml',
];

/** What `npm test` affords. */
export const MANIFESTS_SMALL_RUNS = 120;

/** Every input through `runner`'s checks. */
export function manifestsProperty(runner: FuzzRunner) {
  return fc.asyncProperty(manifestFile, fc.constantFrom(...COMMAND_LINES), fc.integer({ min: 0, max: 30_000 }), async (text, line, budgetMs) => {
    await runner.check(line, budgetMs, { '/root/fz.yaml': text });
  });
}
