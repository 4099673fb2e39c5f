/**
 * `kubectl diff -f FILE`: each object as it is live and as applying the file would leave it (a
 * server dry run), written as YAML under /tmp/LIVE-N and /tmp/MERGED-N and compared by
 * `diff -u -N` (or KUBECTL_EXTERNAL_DIFF) run in the user's shell. Exit 0 when nothing would
 * change, 1 when something would, 2 or more on trouble.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { createThreeWayMergePatch } from '../../lib/strategic-merge/three-way-merge-patch.ts';
import { PatchError } from '../../lib/strategic-merge/strategic-merge-patch.ts';
import { patchSchemaFor, supportsStrategicMerge } from '../../lib/strategic-merge/patch-schema.ts';
import { structOfKind } from '../../lib/strategic-merge/struct-fields.ts';
import { boolFlag, stringFlag, stringsFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { klogLine } from '../klog-line.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { visitManifests } from '../manifests.ts';
import { omitManagedFields } from '../printers/omit-managed-fields.ts';
import { toYaml } from '../printers/yaml-printer.ts';
import { labelMatcher } from '../../lib/label-selector/label-selector.ts';
import { maskSecretData } from './diff-masker.ts';
import { prunedObjects, pruneTypes } from './diff-prune.ts';
import { LAST_APPLIED } from './last-applied.ts';
import { patchCreationError } from './patch-creation-error.ts';
import { manifestOptions, requireFiles, targetOf, type ManifestTarget } from './manifest-targets.ts';

export const diffCommand: KubectlCommand = {
  path: 'diff',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'server-side', kind: 'bool' },
    { name: 'field-manager', kind: 'string' },
    { name: 'force-conflicts', kind: 'bool' },
    { name: 'show-managed-fields', kind: 'bool' },
    { name: 'concurrency', kind: 'int' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'prune', kind: 'bool' },
    { name: 'prune-allowlist', kind: 'strings' },
  ],
  async run(inv) {
    try {
      return await runDiff(inv);
    } catch (error) {
      // diff.go ends through cmdutil.CheckDiffErr: every error exits 2, leaving 1 to "differs".
      if (!(error instanceof KubectlError)) throw error;
      inv.err(`${error.message}\n`);
      return 2;
    }
  },
};

async function runDiff(inv: Invocation): Promise<number> {
  if (inv.args.length > 0) throw new KubectlError(`error: Unexpected args: [${inv.args.join(' ')}]\nSee 'kubectl diff -h' for help and examples`);
  const files = requireFiles(inv);
  if (!boolFlag(inv.flags, 'server-side') && boolFlag(inv.flags, 'force-conflicts')) throw new KubectlError('error: --force-conflicts only works with --server-side');
  const selector = stringFlag(inv.flags, 'selector');
  const matcher = selector === undefined ? undefined : labelMatcher(selector);
  if (matcher && !matcher.ok) throw new KubectlError(`error: the provided selector "${selector}" is not valid: ${matcher.message}`);
  const prune = boolFlag(inv.flags, 'prune');
  const allowlist = prune ? pruneTypes(inv, stringsFlag(inv.flags, 'prune-allowlist')) : undefined;
  const targets: ManifestTarget[] = [];
  for (const entry of await visitManifests(inv.ctx, files, manifestOptions(inv))) {
    // The builder filters the files' objects by -l before anything is asked of the server.
    if (matcher?.ok && !('error' in entry) && !matcher.matches(entry.obj.metadata?.labels as Record<string, string> | undefined)) continue;
    const target = 'error' in entry ? entry : await targetOf(inv, entry);
    if ('error' in target) throw new KubectlError(target.error.startsWith('error') ? target.error : `error: ${target.error}`);
    targets.push(target);
  }
  const live = newTempDir(inv, 'LIVE');
  const merged = newTempDir(inv, 'MERGED');
  const visited = { namespaces: new Set<string>(), uids: new Set<string>() };
  try {
    for (const target of targets) {
      const versions = await liveAndMerged(inv, target);
      if (target.namespace !== undefined) visited.namespaces.add(target.namespace);
      if (versions.live?.metadata?.uid) visited.uids.add(versions.live.metadata.uid);
      const masked = maskSecretData(versions.live, versions.merged);
      const file = fileName(target);
      writeVersion(inv, `${live}/${file}`, masked.from);
      writeVersion(inv, `${merged}/${file}`, masked.to);
    }
    if (prune) for (const { file, obj } of await prunedObjects(inv, allowlist, visited, selector)) inv.ctx.fs.writeFile(`${live}/${file}`, toYaml(obj));
    return await inv.ctx.runScript(`${diffProgram(inv)} ${live} ${merged}`);
  } finally {
    for (const dir of [live, merged]) if (inv.ctx.fs.exists(dir)) inv.ctx.fs.remove(dir, { recursive: true });
  }
}

/** The live object (undefined when it does not exist yet) and the server's dry run of the apply. */
async function liveAndMerged(inv: Invocation, { m, resource, namespace, name, base }: ManifestTarget): Promise<{ live?: KubeObject; merged: KubeObject }> {
  if (name === '') throw new KubectlError('error: resource name may not be empty');
  const serverSide = boolFlag(inv.flags, 'server-side');
  const current = await inv.api.request<KubeObject>({ verb: 'get', ...base, name });
  if (!current.ok && current.body.reason !== 'NotFound') throw new KubectlError(formatStatus(current.body));
  const live = current.ok ? current.body : undefined;
  const local: KubeObject = namespace === undefined ? m.obj : { ...m.obj, metadata: { ...m.obj.metadata, namespace } };
  if (serverSide) {
    const res = await inv.api.request<KubeObject>({
      verb: 'patch',
      ...base,
      name,
      body: local,
      patchType: 'application/apply-patch+yaml',
      query: { dryRun: 'All', fieldManager: stringFlag(inv.flags, 'field-manager') ?? 'kubectl', force: boolFlag(inv.flags, 'force-conflicts') },
    });
    if (res.ok) return { ...(live ? { live } : {}), merged: res.body };
    // diff.go retries a conflict, then tries once more without the resourceVersion lock.
    if (res.body.reason === 'Conflict')
      inv.err(klogLine('W', inv.ctx.time.now(), 'diff.go:721', `Object (${groupVersionText(resource)}, Kind=${resource.kind}: ${name}) keeps changing, diffing without lock`));
    throw new KubectlError(formatStatus(res.body));
  }
  if (!live) {
    const res = await inv.api.request<KubeObject>({ verb: 'create', ...base, body: local, query: { dryRun: 'All', fieldManager: fieldManager(inv) } });
    if (!res.ok) throw new KubectlError(formatStatus(res.body));
    return { merged: res.body };
  }
  // GetModifiedConfiguration(annotate=false): the dry run leaves the last-applied annotation as it is.
  const { [LAST_APPLIED]: _dropped, ...annotations } = local.metadata?.annotations ?? {};
  const modified: KubeObject = { ...local, metadata: { ...local.metadata, annotations } };
  const lastText = live.metadata?.annotations?.[LAST_APPLIED];
  const original = lastText ? (JSON.parse(lastText) as unknown) : {};
  let patch;
  try {
    patch = createThreeWayMergePatch(original, modified, live, patchSchemaFor(live.apiVersion ?? '', live.kind ?? ''), structOfKind(live.apiVersion ?? '', live.kind ?? ''));
  } catch (error) {
    if (!(error instanceof PatchError)) throw error;
    throw new KubectlError(`error: ${patchCreationError(error, m.file, { original: lastText ?? '', modified, current: live }, inv.err)}`);
  }
  // patcher.patchSimple sends nothing for an empty patch.
  if (Object.keys(patch).length === 0) return { live, merged: live };
  const res = await inv.api.request<KubeObject>({
    verb: 'patch',
    ...base,
    name,
    body: patch,
    patchType: supportsStrategicMerge(live.apiVersion ?? '', live.kind ?? '') ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
    query: { dryRun: 'All', fieldManager: fieldManager(inv) },
  });
  if (!res.ok) throw new KubectlError(formatStatus(res.body));
  return { live, merged: res.body };
}

function fieldManager(inv: Invocation): string {
  return stringFlag(inv.flags, 'field-manager') ?? 'kubectl-client-side-apply';
}

function groupVersionText(resource: ManifestTarget['resource']): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

/** InfoObject.Name: `apps.v1.Deployment.default.web`; the core group is left out, an empty namespace is not (`v1.Namespace..dev`). */
function fileName({ resource, namespace, name }: ManifestTarget): string {
  return [...(resource.group ? [resource.group] : []), resource.version, resource.kind, namespace ?? '', name].join('.');
}

/** DiffVersion.Print: the YAML printer's text, managed fields left out unless asked for; nothing for no object. */
function writeVersion(inv: Invocation, path: string, obj: KubeObject | undefined | null): void {
  if (obj === null) return inv.ctx.fs.writeFile(path, 'null\n');
  const shown = obj && !boolFlag(inv.flags, 'show-managed-fields') ? omitManagedFields(obj) : obj;
  inv.ctx.fs.writeFile(path, shown ? toYaml(shown) : '');
}

/**
 * KUBECTL_EXTERNAL_DIFF's first word is the program; of the rest kubectl keeps only the words
 * made of letters, digits, `-` and `=` (diff.go's NewDiffProgram guards against injection).
 */
function diffProgram(inv: Invocation): string {
  const words = (inv.ctx.env.get('KUBECTL_EXTERNAL_DIFF') ?? '').split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return 'diff -u -N';
  const [program, ...args] = words as [string, ...string[]];
  return [shellQuote(program), ...args.filter((a) => /^[a-zA-Z0-9-=]+$/.test(a))].join(' ');
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

let dirsMade = 0;

/** os.MkdirTemp("", "LIVE-"): a fresh random-looking name each run. */
function newTempDir(inv: Invocation, prefix: 'LIVE' | 'MERGED'): string {
  let x = (Math.floor(inv.ctx.time.now() / 1000) ^ Math.imul(++dirsMade, 0x9e3779b1)) >>> 0;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  const dir = `/tmp/${prefix}-${x >>> 0}`;
  inv.ctx.fs.mkdir(dir, { recursive: true });
  return dir;
}
