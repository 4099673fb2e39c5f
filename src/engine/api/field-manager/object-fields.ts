/**
 * The fields an object sets, and how two versions of an object differ, as sets of field paths.
 * Models structured-merge-diff typed/tofieldset.go (ToFieldSet) and TypedValue.Compare.
 */
import { emptyFieldSet, insertPath, type FieldSet } from './field-set.ts';
import { fieldElement, indexListItems, deepEqual } from './path-elements.ts';
import { childSchema, isPlainObject, resolveType, UNTYPED, type TypeNode } from './type-schema.ts';
import type { Schema } from '../openapi/openapi-data.ts';

/** Every field `value` sets; `undeclared` collects the paths of fields its schema does not know. */
export function toFieldSet(value: unknown, schema: Schema, undeclared: string[][] = []): FieldSet {
  const set = emptyFieldSet();
  walkFields(value, schema, [], set, undeclared);
  return set;
}

function walkFields(value: unknown, schema: Schema, path: string[], set: FieldSet, undeclared: string[][]): void {
  const node = resolveType(schema);
  if (node.kind === 'scalar') return insertPath(set, path);
  if (node.kind === 'list') {
    if (node.listType === 'atomic') return insertPath(set, path);
    const { order, items } = indexListItems(node, value);
    for (const element of order) {
      path.push(element);
      walkFields(items.get(element), node.items, path, set, undeclared);
      insertPath(set, path);
      path.pop();
    }
    return;
  }
  if (node.atomic) return insertPath(set, path);
  if (!isPlainObject(value)) return;
  for (const key in value) {
    path.push(fieldElement(key));
    const declared = childSchema(node, key);
    if (!declared) undeclared.push([...path]);
    walkFields(value[key], declared ?? UNTYPED, path, set, undeclared);
    if (node.kind === 'map') insertPath(set, path);
    path.pop();
  }
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** What changed from `lhs` to `rhs`; an absent side is `undefined`, which differs from null. */
export function compareObjects(lhs: unknown, rhs: unknown, schema: Schema): Comparison {
  const comparison = { added: emptyFieldSet(), modified: emptyFieldSet(), removed: emptyFieldSet() };
  compareValues(lhs, rhs, schema, [], comparison);
  return comparison;
}

function isEmptyContainer(value: unknown, node: TypeNode): boolean {
  if (value === undefined || value === null) return true;
  if (node.kind === 'list') return Array.isArray(value) && value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

function fitsNode(value: unknown, node: TypeNode): boolean {
  if (value === undefined || value === null) return true;
  return node.kind === 'list' ? Array.isArray(value) : isPlainObject(value);
}

function compareValues(lhs: unknown, rhs: unknown, schema: Schema, path: string[], c: Comparison): void {
  // A frozen subtree the update shares with the stored object (a status write keeps the spec) is unchanged.
  if (lhs === rhs && typeof lhs === 'object' && lhs !== null && Object.isFrozen(lhs)) return;
  const node = resolveType(schema);
  const isLeaf =
    node.kind === 'scalar' ||
    (node.kind === 'list' ? node.listType === 'atomic' : node.atomic) ||
    (isEmptyContainer(lhs, node) && isEmptyContainer(rhs, node)) ||
    !fitsNode(lhs, node) ||
    !fitsNode(rhs, node);
  if (isLeaf) {
    if (lhs === undefined) insertPath(c.added, path);
    else if (rhs === undefined) insertPath(c.removed, path);
    else if (!deepEqual(lhs, rhs)) insertPath(c.modified, path);
    return;
  }
  const descend = (element: string, l: unknown, r: unknown, childType: Schema) => {
    path.push(element);
    compareValues(l, r, childType, path, c);
    path.pop();
  };
  if (node.kind === 'list') {
    const left = indexListItems(node, lhs);
    const right = indexListItems(node, rhs);
    for (const element of left.order) descend(element, left.items.get(element), right.items.get(element), node.items);
    for (const element of right.order) if (!left.items.has(element)) descend(element, undefined, right.items.get(element), node.items);
  } else {
    const left = (lhs ?? {}) as Record<string, unknown>;
    const right = (rhs ?? {}) as Record<string, unknown>;
    for (const key in left) descend(fieldElement(key), left[key], right[key], childSchema(node, key) ?? UNTYPED);
    for (const key in right) if (!(key in left)) descend(fieldElement(key), undefined, right[key], childSchema(node, key) ?? UNTYPED);
  }
  if (lhs === undefined) insertPath(c.added, path);
  else if (rhs === undefined) insertPath(c.removed, path);
}
