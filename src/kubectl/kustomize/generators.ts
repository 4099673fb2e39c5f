/**
 * `configMapGenerator` and `secretGenerator`: objects made from literals, files and env files,
 * created, merged into or replacing an object of the same name. Models kustomize
 * api/kv (literal, file and env sources) and api/internal/generators.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { encodeBase64 } from '../../lib/base64.ts';
import type { FileSystem } from '../../lib/file-system.ts';
import type { GeneratorArgs, GeneratorOptions, Kustomization, StringMap } from './kustomization-file.ts';
import { KustomizeError } from './kustomize-error.ts';
import { namespaceOfObject, type Resource } from './resource.ts';

/** kustomize prints the generator with %v, a Go pointer: this stands for one. */
const MERGING = 'merging from generator &{0xc000785ad0 <nil>}:';

/** A ResId as Go's %#v prints it. */
function goResId(obj: KubeObject): string {
  const meta = obj.metadata ?? {};
  return `resid.ResId{Gvk:resid.Gvk{Group:"", Version:"v1", Kind:"${obj.kind ?? ''}", isClusterScoped:false}, Name:"${meta.name ?? ''}", Namespace:"${meta.namespace ?? ''}"}`;
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

function literalPair(source: string, all: string[]): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new KustomizeError(`loading KV pairs: literal sources [${all.join(' ')}]: invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), unquote(source.slice(eq + 1))];
}

function envPairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    out.push([line.slice(0, eq).trimStart(), line.slice(eq + 1)]);
  }
  return out;
}

function readRelative(fs: FileSystem, dir: string, path: string, what: string, all: string[]): string {
  const full = path.startsWith('/') ? path : `${dir}/${path}`.replace(/\/\.\//g, '/');
  if (!fs.exists(full)) throw new KustomizeError(`loading KV pairs: ${what}: [${all.join(' ')}]: evalsymlink failure on '${full}' : lstat ${full}: no such file or directory`);
  return fs.readFile(full);
}

/** The key/value pairs of one generator, in source order. */
function pairsOf(fs: FileSystem, dir: string, args: GeneratorArgs): [string, string][] {
  const pairs: [string, string][] = [];
  const envs = [...(args.envs ?? []), ...(args.env ? [args.env] : [])];
  for (const env of envs) pairs.push(...envPairs(readRelative(fs, dir, env, 'env source files', envs)));
  for (const literal of args.literals ?? []) pairs.push(literalPair(literal, args.literals ?? []));
  for (const file of args.files ?? []) {
    const eq = file.indexOf('=');
    const key = eq >= 0 ? file.slice(0, eq) : file.slice(file.lastIndexOf('/') + 1);
    const path = eq >= 0 ? file.slice(eq + 1) : file;
    pairs.push([key, readRelative(fs, dir, path, 'file sources', args.files ?? [])]);
  }
  const seen = new Set<string>();
  for (const [key] of pairs) {
    if (seen.has(key)) throw new KustomizeError(`configmap ${args.name ?? ''} illegally repeats the key \`${key}\``);
    seen.add(key);
  }
  return pairs;
}

function mergedOptions(global: GeneratorOptions | undefined, local: GeneratorOptions | undefined) {
  return {
    labels: { ...global?.labels, ...local?.labels },
    annotations: { ...global?.annotations, ...local?.annotations },
    disableNameSuffixHash: local?.disableNameSuffixHash ?? global?.disableNameSuffixHash,
    immutable: local?.immutable ?? global?.immutable,
  };
}

function generate(fs: FileSystem, dir: string, kind: 'ConfigMap' | 'Secret', args: GeneratorArgs, global?: GeneratorOptions): Resource {
  const options = mergedOptions(global, args.options);
  const data: StringMap = {};
  for (const [key, value] of pairsOf(fs, dir, args)) data[key] = kind === 'Secret' ? encodeBase64(value) : value;
  const metadata: Record<string, unknown> = { name: args.name ?? '' };
  if (args.namespace) metadata.namespace = args.namespace;
  if (Object.keys(options.labels ?? {}).length > 0) metadata.labels = options.labels;
  if (Object.keys(options.annotations ?? {}).length > 0) metadata.annotations = options.annotations;
  const obj: KubeObject = { apiVersion: 'v1', kind, metadata };
  // An empty ConfigMap has no data; an empty Secret says so (kustomize's generator writes `data: {}`).
  if (Object.keys(data).length > 0 || kind === 'Secret') obj.data = data;
  if (kind === 'Secret') obj.type = args.type || 'Opaque';
  if (options.immutable) obj.immutable = true;
  return { obj, originalName: args.name ?? '', needsHash: !options.disableNameSuffixHash };
}

/** Adds the generated objects to `resources`, merging or replacing as each generator's behavior asks. */
export function runGenerators(fs: FileSystem, dir: string, k: Kustomization, resources: Resource[]): void {
  const all: ['ConfigMap' | 'Secret', GeneratorArgs][] = [
    ...(k.configMapGenerator ?? []).map((a) => ['ConfigMap', a] as ['ConfigMap', GeneratorArgs]),
    ...(k.secretGenerator ?? []).map((a) => ['Secret', a] as ['Secret', GeneratorArgs]),
  ];
  for (const [kind, args] of all) {
    const made = generate(fs, dir, kind, args, k.generatorOptions);
    const behavior = args.behavior ?? 'create';
    const index = resources.findIndex((r) => r.obj.kind === kind && r.originalName === made.originalName && namespaceOfObject(r.obj) === namespaceOfObject(made.obj));
    if (behavior === 'create') {
      if (index >= 0) throw new KustomizeError(`${MERGING} id ${goResId(made.obj)} exists; behavior must be merge or replace`);
      resources.push(made);
      continue;
    }
    if (behavior !== 'merge' && behavior !== 'replace') throw new KustomizeError(`unknown generation behavior '${behavior}'`);
    if (index < 0) throw new KustomizeError(`${MERGING} id ${goResId(made.obj)} does not exist; cannot merge or replace`);
    const old = resources[index]!;
    // The existing object keeps its identity: the name a base's prefix gave it stays.
    (made.obj.metadata as Record<string, unknown>).name = old.obj.metadata?.name;
    if (behavior === 'merge') {
      const oldMeta = old.obj.metadata ?? {};
      const meta = made.obj.metadata as Record<string, unknown>;
      meta.labels = { ...oldMeta.labels, ...(meta.labels as StringMap | undefined) };
      meta.annotations = { ...oldMeta.annotations, ...(meta.annotations as StringMap | undefined) };
      if (Object.keys(meta.labels as StringMap).length === 0) delete meta.labels;
      if (Object.keys(meta.annotations as StringMap).length === 0) delete meta.annotations;
      made.obj.data = { ...(old.obj.data as StringMap | undefined), ...(made.obj.data as StringMap | undefined) };
    }
    made.needsHash = made.needsHash === true && old.needsHash !== false;
    resources[index] = made;
  }
}
