/**
 * The list ordering rules of apimachinery strategicpatch (normalizeElementOrder and friends): items
 * named by the patch come in patch order, server-only items keep their place relative to them.
 */
import { isJsonMap, type JsonMap } from './json-values.ts';
import { goValueText } from '../jsonpath/go-value-format.ts';

export class PatchError extends Error {}

export function noMergeKeyError(item: JsonMap, mergeKey: string): PatchError {
  return new PatchError(`map: ${goValueText(item, 'float64')} does not contain declared merge key: ${mergeKey}`);
}

function keyOf(item: unknown, mergeKey: string, isMapList: boolean): unknown {
  if (!isMapList) return item;
  return isJsonMap(item) ? item[mergeKey] : undefined;
}

export function indexIn(list: unknown[], item: unknown, mergeKey: string, isMapList: boolean): number {
  const wanted = keyOf(item, mergeKey, isMapList);
  return list.findIndex((v) => keyOf(v, mergeKey, isMapList) === wanted);
}

/** Splits `merged` into items present in `by` (by merge key, or by value for scalars) and the rest. */
export function partitionByPresence(merged: unknown[], by: unknown[], mergeKey: string, isMapList: boolean): [unknown[], unknown[]] {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const item of merged) (indexIn(by, item, mergeKey, isMapList) >= 0 ? inPatch : serverOnly).push(item);
  return [inPatch, serverOnly];
}

function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, isMapList: boolean): unknown[] {
  let items = toSort;
  let toDelete: unknown[] = [];
  if (isMapList) {
    for (const item of [...toSort, ...order]) {
      if (isJsonMap(item) && !Object.hasOwn(item, mergeKey)) throw noMergeKeyError(item, mergeKey);
    }
    items = toSort.filter((v) => !(isJsonMap(v) && v['$patch'] === 'delete'));
    toDelete = toSort.filter((v) => isJsonMap(v) && v['$patch'] === 'delete');
  }
  const positioned = items.map((item, i) => ({ item, i, at: indexIn(order, item, mergeKey, isMapList) }));
  positioned.sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : a.i - b.i));
  return [...positioned.map((p) => p.item), ...toDelete];
}

function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, isMapList: boolean): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, isMapList);
      const ri = indexIn(serverOrder, right[j], mergeKey, isMapList);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  isMapList: boolean,
): unknown[] {
  const patchSorted = normalizeSliceOrder(patchItems, patchOrder, mergeKey, isMapList);
  const serverSorted = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMapList);
  return mergeSortedSlice(serverSorted, patchSorted, serverOrder, mergeKey, isMapList);
}
