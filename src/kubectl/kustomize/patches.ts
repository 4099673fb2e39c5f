/**
 * `patches`, `patchesStrategicMerge` and `patchesJson6902`: a strategic merge patch (a map) or a
 * JSON 6902 patch (a list), applied to the objects a target selects or, without a target, to the
 * object the patch names. Models kustomize api/internal/builtins/PatchTransformer.go,
 * PatchStrategicMergeTransformer.go and PatchJson6902Transformer.go.
 */
import { parse, parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../engine/api/client.ts';
import type { FileSystem } from '../../lib/file-system.ts';
import { applyJsonPatch } from '../../lib/json-patch/json-patch.ts';
import { strategicMergePatch } from '../../lib/strategic-merge/strategic-merge-patch.ts';
import { patchSchemaFor } from '../../lib/strategic-merge/patch-schema.ts';
import type { Kustomization, PatchEntry } from './kustomization-file.ts';
import { KustomizeError } from './kustomize-error.ts';
import { idString, nameOf, namespaceOfObject, type Resource } from './resource.ts';
import { keepTargetOrder } from './merge-list-order.ts';
import { selects } from './target-selector.ts';

function patchText(fs: FileSystem, dir: string, entry: PatchEntry): string {
  if (entry.patch !== undefined) return entry.patch;
  const path = entry.path ?? '';
  const full = path.startsWith('/') ? path : `${dir}/${path}`;
  if (!fs.exists(full)) throw new KustomizeError(`trouble reading patch '${path}': evalsymlink failure on '${full}' : lstat ${full}: no such file or directory`);
  return fs.readFile(full);
}

/** The strategic merge patch applied to one object; `$patch: delete` removes it (undefined). */
function mergeInto(obj: KubeObject, patch: Record<string, unknown>): KubeObject | undefined {
  if (patch.$patch === 'delete') return undefined;
  const body = { ...patch };
  // The patch's own id only finds its target: the object keeps its name and kind.
  delete body.apiVersion;
  delete body.kind;
  if (typeof body.metadata === 'object' && body.metadata !== null) {
    const metadata = { ...(body.metadata as Record<string, unknown>) };
    delete metadata.name;
    delete metadata.namespace;
    body.metadata = metadata;
  }
  const schema = patchSchemaFor(obj.apiVersion ?? '', obj.kind ?? '');
  const merged = strategicMergePatch(obj, body, schema) as KubeObject;
  keepTargetOrder(obj, merged, schema);
  return merged;
}

function applyJson6902(obj: KubeObject, ops: unknown): KubeObject {
  const result = applyJsonPatch(obj, ops);
  if (!result.ok) throw new KustomizeError(result.message);
  return result.value as KubeObject;
}

/** The objects a target-less strategic merge patch names: same kind, group, name and namespace. */
function namedBy(resources: Resource[], patch: KubeObject): Resource[] {
  const name = nameOf(patch);
  const namespace = namespaceOfObject(patch);
  return resources.filter(
    (r) =>
      r.obj.kind === patch.kind &&
      (r.obj.apiVersion ?? '') === (patch.apiVersion ?? '') &&
      (r.originalName === name || nameOf(r.obj) === name) &&
      (!namespace || namespaceOfObject(r.obj) === namespace),
  );
}

function replaceOrDrop(resources: Resource[], target: Resource, obj: KubeObject | undefined): void {
  const index = resources.indexOf(target);
  if (obj === undefined) resources.splice(index, 1);
  else target.obj = obj;
}

function applyEntry(fs: FileSystem, dir: string, resources: Resource[], entry: PatchEntry, legacy: boolean): void {
  const text = patchText(fs, dir, entry);
  const parsed = parse(text, { logLevel: 'error' }) as unknown;
  if (Array.isArray(parsed)) {
    if (!entry.target) throw new KustomizeError('unable to apply patch with no target');
    for (const r of resources.filter((res) => selects(entry.target!, res))) r.obj = applyJson6902(r.obj, parsed);
    return;
  }
  for (const doc of parseAllDocuments(text, { logLevel: 'error' })) {
    const patch = doc.toJSON() as KubeObject | null;
    if (patch === null || typeof patch !== 'object') continue;
    if (entry.target) {
      for (const r of resources.filter((res) => selects(entry.target!, res))) replaceOrDrop(resources, r, mergeInto(r.obj, patch));
      continue;
    }
    const matches = namedBy(resources, patch);
    if (matches.length !== 1) {
      const id = idString(patch);
      const why = `no matches for Id ${id}; failed to find unique target for patch ${id}`;
      throw new KustomizeError(legacy ? why : `no resource matches strategic merge patch "${id}": ${why}`);
    }
    replaceOrDrop(resources, matches[0]!, mergeInto(matches[0]!.obj, patch));
  }
}

export function transformStrategicMergePatches(fs: FileSystem, dir: string, resources: Resource[], k: Kustomization): void {
  for (const item of k.patchesStrategicMerge ?? []) {
    const inline = /\n|^\s*(apiVersion|kind|metadata):/.test(item);
    applyEntry(fs, dir, resources, inline ? { patch: item } : { path: item }, true);
  }
}

export function transformPatches(fs: FileSystem, dir: string, resources: Resource[], k: Kustomization): void {
  for (const entry of k.patches ?? []) applyEntry(fs, dir, resources, entry, false);
}

export function transformJson6902Patches(fs: FileSystem, dir: string, resources: Resource[], k: Kustomization): void {
  for (const entry of k.patchesJson6902 ?? []) applyEntry(fs, dir, resources, entry, true);
}
