/**
 * Merging an applied configuration into the live object, and removing the fields an applier gave
 * up. Models structured-merge-diff typed/merge.go (TypedValue.Merge: the configuration wins every
 * leaf, map lists merge item by item keeping the live order around the applied one) and
 * typed/remove.go (RemoveItems).
 */
import type { FieldSet } from './field-set.ts';
import { deepEqual, fieldElement, indexListItems, listItemElement } from './path-elements.ts';
import { childSchema, isPlainObject, resolveType, UNTYPED } from './type-schema.ts';
import type { Schema } from '../openapi/openapi-data.ts';

export function mergeObjects(lhs: unknown, rhs: unknown, schema: Schema): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined) return rhs;
  const node = resolveType(schema);
  if (node.kind === 'scalar') return rhs;
  if (node.kind === 'list') {
    if (node.listType === 'atomic' || !Array.isArray(lhs) || !Array.isArray(rhs)) return rhs;
    return mergeListItems(
      lhs,
      rhs,
      (element, l, r) => mergeObjects(l, r, node.items),
      (list) => indexListItems(node, list),
    );
  }
  if (node.atomic || !isPlainObject(lhs) || !isPlainObject(rhs)) return rhs;
  const out: Record<string, unknown> = { ...lhs };
  for (const [key, value] of Object.entries(rhs)) out[key] = mergeObjects(lhs[key], value, childSchema(node, key) ?? UNTYPED);
  return out;
}

type Indexed = { order: string[]; items: Map<string, unknown> };

/** The merged order: the applied items in their order, live-only items kept where they stood. */
function mergeListItems(lhs: unknown[], rhs: unknown[], merge: (element: string, l: unknown, r: unknown) => unknown, index: (list: unknown[]) => Indexed): unknown[] {
  const left = index(lhs);
  const right = index(rhs);
  const shared = right.order.filter((e) => left.items.has(e));
  let nextShared = 0;
  const out: unknown[] = [];
  let l = 0;
  let r = 0;
  while (l < left.order.length || r < right.order.length) {
    if (l < left.order.length && r < right.order.length) {
      const element = left.order[l]!;
      if (element === right.order[r]) {
        out.push(merge(element, left.items.get(element), right.items.get(element)));
        l++;
        r++;
        nextShared++;
        continue;
      }
      if (right.items.has(element) && nextShared < shared.length && shared[nextShared] !== element) {
        l++;
        continue;
      }
    }
    if (l < left.order.length && !right.items.has(left.order[l]!)) {
      const element = left.order[l]!;
      out.push(left.items.get(element));
      l++;
      continue;
    }
    if (r < right.order.length) {
      const element = right.order[r]!;
      out.push(merge(element, left.items.get(element), right.items.get(element)));
      r++;
      if (nextShared < shared.length && shared[nextShared] === element) nextShared++;
    } else l++;
  }
  return out;
}

/** A copy of `value` without the members of `set`; containers pruning empties are dropped too. */
export function removeItems(value: unknown, set: FieldSet, schema: Schema): unknown {
  if (set.children.size === 0) return value;
  const node = resolveType(schema);
  if (node.kind === 'list' && Array.isArray(value)) {
    const kept: unknown[] = [];
    value.forEach((item, index) => {
      const element = listItemElement(node, item, index);
      const child = element === undefined ? undefined : set.children.get(element);
      if (!child) kept.push(item);
      else if (!child.self) kept.push(removeItems(item, child, node.items));
    });
    return kept;
  }
  if ((node.kind === 'struct' || node.kind === 'map') && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const member = set.children.get(fieldElement(key));
      if (!member) out[key] = child;
      else if (!member.self) {
        const pruned = removeItems(child, member, childSchema(node, key) ?? UNTYPED);
        if (!isEmptyContainer(pruned) || isEmptyContainer(child)) out[key] = pruned;
      }
    }
    return out;
  }
  return value;
}

function isEmptyContainer(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
}

export { deepEqual };
