/**
 * mergeMap of apimachinery pkg/util/strategicpatch/patch.go: applies a strategic merge patch to a
 * map (server mode: MergeParallelList + IgnoreUnmatchedNulls), or merges two patches into one
 * (client mode, used to build the three-way patch). Inputs are mutated: pass copies.
 */
import { normalizeElementOrder, noMergeKeyError, partitionByPresence, PatchError } from './element-order.ts';
import { deduplicateScalars, goJsonType, isJsonMap, type JsonMap } from './json-values.ts';
import { lookupPatchField, type PatchSchema } from './patch-schema.ts';
import { runNested, type NestedStep } from '../deep-json/nested-run.ts';

export interface MergeOptions {
  mergeParallelList: boolean;
  ignoreUnmatchedNulls: boolean;
}

export const serverMergeOptions: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };
export const patchMergeOptions: MergeOptions = { mergeParallelList: false, ignoreUnmatchedNulls: false };

const setElementOrderPrefix = '$setElementOrder';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
const retainKeysDirective = '$retainKeys';

function strategyOf(strategies: string[] | undefined): string {
  return (strategies ?? []).find((s) => s !== 'retainKeys') ?? '';
}

// Iterative, as removeDirectives: a patch's new value may nest 10,000 levels.
function discardNullValues(root: unknown): void {
  const values = [root];
  while (values.length > 0) {
    const v = values.pop();
    if (isJsonMap(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (child === null) delete v[k];
        else values.push(child);
      }
    } else if (Array.isArray(v)) {
      values.push(...v);
    }
  }
}

function goText(v: unknown): string {
  if (isJsonMap(v))
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goText(v[k])}`)
      .join(' ')}]`;
  if (Array.isArray(v)) return `[${v.map(goText).join(' ')}]`;
  return v === null ? '<nil>' : String(v);
}

export function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema, options: MergeOptions): JsonMap {
  if (Object.hasOwn(patch, '$patch')) {
    const directive = patch['$patch'];
    if (directive === 'replace') {
      delete patch['$patch'];
      return patch;
    }
    if (directive === 'delete') return {};
    throw new PatchError(`unknown patch type: ${goText(directive)} in map: ${goText(patch)}`);
  }
  applyRetainKeysDirective(original, patch, options);
  mergePatchIntoOriginal(original, patch, schema, options);

  for (const key of Object.keys(patch)) {
    let k = key;
    const patchV = patch[key];
    let isDeleteList = false;
    if (key.startsWith(`${deleteFromPrimitiveListPrefix}/`)) {
      if (!options.mergeParallelList) {
        original[key] = patchV;
        continue;
      }
      k = key.slice(deleteFromPrimitiveListPrefix.length + 1);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[k];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!Object.hasOwn(original, k) || goJsonType(original[k]) !== goJsonType(patchV)) {
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNullValues(patchV);
        original[k] = options.mergeParallelList ? removeDirectives(patchV) : patchV;
      }
      continue;
    }
    const field = lookupPatchField(schema, k);
    const strategy = strategyOf(field.strategy);
    const current = original[k];
    if (isJsonMap(current) && isJsonMap(patchV)) {
      original[k] = strategy === 'replace' ? patchV : mergeMap(current, patchV, field.schema ?? {}, options);
    } else if (Array.isArray(current) && Array.isArray(patchV)) {
      original[k] = strategy === 'merge' ? mergeSlice(current, patchV, field.schema ?? {}, field.mergeKey ?? '', options, isDeleteList) : patchV;
    } else {
      original[k] = patchV;
    }
  }
  return original;
}

// Directives that arrive inside a value the original does not have yet would otherwise be stored verbatim.
function removeDirectives(v: unknown): unknown {
  return runNested(withoutDirectives(v));
}

function* withoutDirectives(v: unknown): NestedStep<unknown> {
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const item of v) if (!(isJsonMap(item) && Object.hasOwn(item, '$patch'))) out.push(yield withoutDirectives(item));
    return out;
  }
  if (!isJsonMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, child] of Object.entries(v)) {
    if (k === '$patch' || k === retainKeysDirective || k.startsWith(`${setElementOrderPrefix}/`) || k.startsWith(`${deleteFromPrimitiveListPrefix}/`)) continue;
    out[k] = yield withoutDirectives(child);
  }
  return out;
}

function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, options: MergeOptions): void {
  if (!Object.hasOwn(patch, retainKeysDirective)) return;
  const retainKeys = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!options.mergeParallelList) {
    if (!Object.hasOwn(original, retainKeysDirective)) original[retainKeysDirective] = retainKeys;
    return;
  }
  if (!Array.isArray(retainKeys)) throw new PatchError('invalid patch format of retainKeys');
  const keep = new Set(retainKeys);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix)) continue;
    if (!keep.has(k)) throw new PatchError('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: PatchSchema, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(setElementOrderPrefix)) continue;
    const order = patch[key];
    if (!options.mergeParallelList && !Object.hasOwn(original, key)) original[key] = order;
    delete patch[key];
    if (!Array.isArray(order)) throw new PatchError(`invalid type for setElementOrder list: ${goText(order)}`);
    const listKey = key.slice(setElementOrderPrefix.length + 1);
    const originalList = original[listKey];
    const patchList = patch[listKey];
    const foundOriginal = Array.isArray(originalList);
    const foundPatch = Array.isArray(patchList);
    if (!foundOriginal && !foundPatch) continue;
    const field = lookupPatchField(schema, listKey);
    const mergeKey = field.mergeKey ?? '';
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal) merged = removeDirectives(patchList) as unknown[];
    else if (strategyOf(field.strategy) === 'merge') merged = mergeSlice(originalList, patchList as unknown[], field.schema ?? {}, mergeKey, options, false);
    else merged = patchList as unknown[];
    const isMapList = [...(foundOriginal ? originalList : []), ...(foundPatch ? (patchList as unknown[]) : [])].some(isJsonMap);
    const [patchItems, serverOnly] = partitionByPresence(merged, order, mergeKey, isMapList);
    original[listKey] = normalizeElementOrder(patchItems, serverOnly, order, foundOriginal ? originalList : [], mergeKey, isMapList);
    delete patch[listKey];
  }
}

function deleteMatchingEntries(original: unknown[], mergeKey: string, value: unknown): unknown[] {
  return original.filter((item) => !(isJsonMap(item) && item[mergeKey] === value));
}

function mergeSlice(originalInput: unknown[], patchInput: unknown[], schema: PatchSchema, mergeKey: string, options: MergeOptions, isDeleteList: boolean): unknown[] {
  if (originalInput.length === 0 && patchInput.length === 0) return originalInput;
  const isMapList = [...originalInput, ...patchInput].some(isJsonMap);
  let original = originalInput;
  let merged: unknown[];
  let patch = patchInput;
  if (!isMapList) {
    if (options.mergeParallelList && isDeleteList) return original.filter((v) => !patch.includes(v));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw new PatchError('cannot merge lists without merge key');
    const plain: unknown[] = [];
    let replace = false;
    for (const item of patch) {
      if (!isJsonMap(item)) continue;
      if (!Object.hasOwn(item, '$patch')) {
        plain.push(item);
        continue;
      }
      const directive = item['$patch'];
      if (directive === 'delete') {
        if (!Object.hasOwn(item, mergeKey)) throw noMergeKeyError(item, mergeKey);
        original = deleteMatchingEntries(original, mergeKey, item[mergeKey]);
      } else if (directive === 'replace') {
        replace = true;
      } else if (directive === 'merge') {
        throw new PatchError('merging lists cannot yet be specified in the patch');
      } else {
        throw new PatchError(`unknown patch type: ${goText(directive)} in map: ${goText(item)}`);
      }
    }
    if (replace) {
      original = plain;
      patch = [];
    } else {
      patch = plain;
    }
    merged = [...original];
    for (const item of patch as JsonMap[]) {
      if (!Object.hasOwn(item, mergeKey)) throw noMergeKeyError(item, mergeKey);
      const at = merged.findIndex((o) => isJsonMap(o) && o[mergeKey] === item[mergeKey]);
      if (at >= 0) merged[at] = mergeMap(merged[at] as JsonMap, item, schema, options);
      else merged.push(options.mergeParallelList ? removeDirectives(item) : item);
    }
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, patch, mergeKey, isMapList);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, isMapList);
}
