/**
 * The patch `kubectl apply` sends (strategicpatch.CreateThreeWayMergePatch): deletions are what
 * the manifest dropped since last-applied (original → modified), the delta is what the live object
 * (current) lacks to match the manifest, ignoring fields only the server set; then both merge.
 */
import { indexIn, normalizeElementOrder, PatchError } from './element-order.ts';
import { goValueText } from '../jsonpath/go-value-format.ts';
import { deduplicateScalars, deepCopy, deepEqual, goJsonType, isJsonMap, scalarText, sortScalars, type JsonMap } from './json-values.ts';
import { mergeMap, patchMergeOptions } from './merge-map.ts';
import { lookupPatchField, type PatchSchema } from './patch-schema.ts';
import { structField, UnknownFieldError } from './struct-fields.ts';
import { runNested, type NestedStep } from '../deep-json/nested-run.ts';

interface DiffOptions {
  /** The Go struct being diffed (struct-fields.ts), undefined where the type is not walked. */
  struct?: string | undefined;
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
  setElementOrder: boolean;
  buildRetainKeysDirective: boolean;
}

// The diff walks as deep as the manifest (10,000 levels): each nested call is a step runNested runs.
function* diffMaps(original: JsonMap, modified: JsonMap, schema: PatchSchema, options: DiffOptions): NestedStep<JsonMap> {
  const patch: JsonMap = {};
  const retainKeys: unknown[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (goJsonType(originalValue) !== goJsonType(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isJsonMap(originalValue) && isJsonMap(modifiedValue)) {
      yield handleMapDiff(key, originalValue, modifiedValue, patch, schema, options);
    } else if (Array.isArray(originalValue) && Array.isArray(modifiedValue)) {
      yield handleSliceDiff(key, originalValue, modifiedValue, patch, schema, options);
    } else if (!options.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) {
      patch[key] = modifiedValue;
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  }
  const hasAdditionalField = Object.entries(original).some(([k, v]) => v !== null && !Object.hasOwn(modified, k));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalField)) {
    patch['$retainKeys'] = sortScalars(retainKeys);
  }
  return patch;
}

/**
 * The struct a map or list field holds, looked up before it is diffed. A field the struct lacks
 * only matters when its values differ (handleMapDiff, handleSliceDiff): `skip` then.
 */
function fieldStruct(key: string, original: unknown, modified: unknown, options: DiffOptions): string | undefined | 'skip' {
  const struct = structField(options.struct, key);
  if (struct !== null) return struct;
  if (deepEqual(original, modified)) return 'skip';
  throw new UnknownFieldError(key, options.struct!);
}

function* handleMapDiff(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, schema: PatchSchema, options: DiffOptions): NestedStep<void> {
  const struct = fieldStruct(key, original, modified, options);
  if (struct === 'skip') return;
  const field = lookupPatchField(schema, key);
  const strategies = field.strategy ?? [];
  if (strategies.includes('replace')) {
    if (!options.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const value = (yield diffMaps(original, modified, field.schema ?? {}, { ...options, struct, buildRetainKeysDirective: strategies.includes('retainKeys') })) as JsonMap;
  if (Object.keys(value).length > 0) patch[key] = value;
}

function* handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JsonMap, schema: PatchSchema, options: DiffOptions): NestedStep<void> {
  const struct = fieldStruct(key, original, modified, options);
  if (struct === 'skip') return;
  const field = lookupPatchField(schema, key);
  const strategies = field.strategy ?? [];
  if (!strategies.includes('merge')) {
    if (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch[key] = modified;
    return;
  }
  const [add, deletions, order] = (yield diffLists(original, modified, field.schema ?? {}, field.mergeKey ?? '', {
    ...options,
    struct,
    buildRetainKeysDirective: strategies.includes('retainKeys'),
  })) as [unknown[], unknown[], unknown[]];
  if (add.length > 0) patch[key] = add;
  if (deletions.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = deletions;
  if (order.length > 0) patch[`$setElementOrder/${key}`] = order;
}

function* diffLists(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, options: DiffOptions): NestedStep<[unknown[], unknown[], unknown[]]> {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  assertSameElementType(original, modified);
  const isMapList = [...original, ...modified].some(isJsonMap);
  if (isMapList) {
    const [changes, deletions] = (yield diffListsOfMaps(original, modified, schema, mergeKey, options)) as [unknown[], unknown[]];
    let patchList = normalizeElementOrder(changes, [], modified, [], mergeKey, true);
    const orderSame = original.length === modified.length && original.every((o, i) => isJsonMap(o) && isJsonMap(modified[i]) && o[mergeKey] === (modified[i] as JsonMap)[mergeKey]);
    patchList = [...patchList, ...deletions];
    let order: unknown[] = [];
    if (options.setElementOrder && ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0))) {
      order = modified.map((m) => ({ [mergeKey]: (m as JsonMap)[mergeKey] }));
    }
    return [patchList, [], order];
  }
  const [additions, deletions] = diffListsOfScalars(original, modified, options);
  const patchList = [...additions].sort((a, b) => indexIn(modified, a, '', false) - indexIn(modified, b, '', false));
  const order =
    options.setElementOrder && ((!options.ignoreDeletions && deletions.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified))) ? modified : [];
  return [patchList, deletions, order];
}

/**
 * sliceElementType: every item of both lists must share one Go type (a manifest's `containers:
 * [null]` against the live list of maps), else the patch cannot be made.
 */
function assertSameElementType(original: unknown[], modified: unknown[]): void {
  const types = new Set([...original, ...modified].map(goJsonType));
  if (types.size > 1) {
    throw new PatchError(`list element types are not identical: ${goValueText([original, modified], 'float64')}`);
  }
}

function sortByMergeKey(list: unknown[], mergeKey: string): JsonMap[] {
  return (list as JsonMap[])
    .map((m) => m)
    .sort((a, b) => {
      const x = scalarText(a[mergeKey]);
      const y = scalarText(b[mergeKey]);
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

function* diffListsOfMaps(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, options: DiffOptions): NestedStep<[unknown[], unknown[]]> {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const originalSorted = sortByMergeKey(original, mergeKey);
  const modifiedSorted = sortByMergeKey(modified, mergeKey);
  let oi = 0;
  let mi = 0;
  while (oi < originalSorted.length || mi < modifiedSorted.length) {
    const o = originalSorted[oi];
    const m = modifiedSorted[mi];
    const oKey = o === undefined ? '' : scalarText(o[mergeKey]);
    const mKey = m === undefined ? '' : scalarText(m[mergeKey]);
    if (o !== undefined && m !== undefined && oKey === mKey) {
      const value = (yield diffMaps(o, m, schema, options)) as JsonMap;
      if (Object.keys(value).length > 0) {
        value[mergeKey] = m[mergeKey];
        patch.push(value);
      }
      oi++;
      mi++;
    } else if (m !== undefined && (o === undefined || oKey > mKey)) {
      if (!options.ignoreChangesAndAdditions) patch.push(m);
      mi++;
    } else if (o !== undefined) {
      if (!options.ignoreDeletions) deletions.push({ $patch: 'delete', [mergeKey]: o[mergeKey] });
      oi++;
    }
  }
  return [patch, deletions];
}

function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions): [unknown[], unknown[]] {
  const originalSorted = sortScalars(original);
  const modifiedSorted = sortScalars(modified);
  const additions: unknown[] = [];
  const deletions: unknown[] = [];
  let oi = 0;
  let mi = 0;
  while (oi < originalSorted.length || mi < modifiedSorted.length) {
    const inO = oi < originalSorted.length;
    const inM = mi < modifiedSorted.length;
    const o = scalarText(originalSorted[oi]);
    const m = scalarText(modifiedSorted[mi]);
    if (inO && inM && o === m) {
      oi++;
      mi++;
    } else if (inO && (!inM || o < m)) {
      if (!options.ignoreDeletions) deletions.push(originalSorted[oi]);
      oi++;
    } else {
      if (!options.ignoreChangesAndAdditions) additions.push(modifiedSorted[mi]);
      mi++;
    }
  }
  return [additions, deduplicateScalars(deletions)];
}

/**
 * CreateThreeWayMergePatch(original = last-applied, modified = new manifest, current = live object).
 * Returns `{}` when the live object already matches.
 */
export function createThreeWayMergePatch(original: unknown, modified: unknown, current: unknown, schema: PatchSchema, struct?: string): Record<string, unknown> {
  const asMap = (v: unknown): JsonMap => (isJsonMap(v) ? deepCopy(v) : {});
  const delta = runNested(
    diffMaps(asMap(current), asMap(modified), schema, {
      struct,
      ignoreDeletions: true,
      ignoreChangesAndAdditions: false,
      setElementOrder: true,
      buildRetainKeysDirective: false,
    }),
  );
  const deletions = runNested(
    diffMaps(asMap(original), asMap(modified), schema, {
      struct,
      ignoreDeletions: false,
      ignoreChangesAndAdditions: true,
      setElementOrder: true,
      buildRetainKeysDirective: false,
    }),
  );
  return mergeMap(deletions, delta, schema, patchMergeOptions);
}

/** CreateTwoWayMergePatch: the patch turning `original` into `modified` (kubectl edit / set / label). */
export function createTwoWayMergePatch(original: unknown, modified: unknown, schema: PatchSchema): Record<string, unknown> {
  const asMap = (v: unknown): JsonMap => (isJsonMap(v) ? deepCopy(v) : {});
  return runNested(
    diffMaps(asMap(original), asMap(modified), schema, {
      ignoreDeletions: false,
      ignoreChangesAndAdditions: false,
      setElementOrder: true,
      buildRetainKeysDirective: false,
    }),
  );
}
