/**
 * ResourceList arithmetic as pkg/quota/v1 does it (Add, Mask, LessThanOrEqual) over exact
 * quantities, and the canonical text the API server stores.
 */
import { addQuantities, canonicalize, compareQuantities, parseQuantityJson, type Quantity } from '../../../lib/quantity/quantity.ts';

export type ResourceList = Record<string, string>;

export function quantityOf(value: string | number | undefined): Quantity | undefined {
  if (value === undefined) return undefined;
  const parsed = parseQuantityJson(value);
  return parsed.ok ? parsed.quantity : undefined;
}

const ZERO = quantityOf('0')!;

/** The server's canonical form of every value (`1000m` is stored as `1`). */
export function canonicalList(list: Record<string, string | number> | undefined): ResourceList | undefined {
  if (!list) return undefined;
  return Object.fromEntries(Object.entries(list).map(([k, v]) => [k, quantityOf(v)?.text ?? String(v)]));
}

export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const left = quantityOf(out[k]);
    const right = quantityOf(v) ?? ZERO;
    out[k] = left ? canonicalize(addQuantities(left, right)) : right.text;
  }
  return out;
}

export function maskList(list: ResourceList, names: Iterable<string>): ResourceList {
  const out: ResourceList = {};
  for (const name of names) if (name in list) out[name] = list[name]!;
  return out;
}

export function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  return compareQuantities(quantityOf(a) ?? ZERO, quantityOf(b) ?? ZERO);
}

/** Models quota.LessThanOrEqual: the names of `a` whose value exceeds `b`'s (a missing `b` is no limit). */
export function exceededNames(a: ResourceList, b: ResourceList): string[] {
  return Object.keys(a).filter((k) => k in b && compareValues(a[k], b[k]) > 0);
}

/** Models quota's prettyPrint: `key=value` pairs by key, comma separated. */
export function prettyPrintList(list: ResourceList): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${list[k]}`)
    .join(',');
}
