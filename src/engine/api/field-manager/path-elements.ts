/**
 * How a value below a map or list is named in a field path. Models structured-merge-diff
 * typed/helpers.go listItemToPathElement: a map-list item by its keys (defaults filled in), a set
 * item by its value, anything else by its index.
 */
import { isPlainObject, type TypeNode } from './type-schema.ts';

export function fieldElement(name: string): string {
  return `f:${name}`;
}

/** The element naming a list item, or undefined when a map-list item lacks a key field. */
export function listItemElement(node: TypeNode & { kind: 'list' }, item: unknown, index: number): string | undefined {
  if (node.listType === 'set') return `v:${JSON.stringify(item)}`;
  if (node.listType === 'map' && isPlainObject(item)) {
    const key: Record<string, unknown> = {};
    for (const name of [...node.keys].sort()) {
      const value = item[name] ?? node.keyDefaults[name];
      if (value === undefined) return undefined;
      key[name] = value;
    }
    return `k:${JSON.stringify(key)}`;
  }
  return `i:${index}`;
}

/** The items of a list by path element; a repeated element keeps its first item. */
export function indexListItems(node: TypeNode & { kind: 'list' }, list: unknown): { order: string[]; items: Map<string, unknown> } {
  const order: string[] = [];
  const items = new Map<string, unknown>();
  if (!Array.isArray(list)) return { order, items };
  list.forEach((item, index) => {
    const element = listItemElement(node, item, index);
    if (element === undefined || items.has(element)) return;
    items.set(element, item);
    order.push(element);
  });
  return { order, items };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => deepEqual(v, other[i]));
  }
  const ak = Object.keys(a);
  const bo = b as Record<string, unknown>;
  if (ak.length !== Object.keys(bo).length) return false;
  return ak.every((k) => k in bo && deepEqual((a as Record<string, unknown>)[k], bo[k]));
}
