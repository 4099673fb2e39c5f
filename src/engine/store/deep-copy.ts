import { copyJson } from '../../lib/deep-json/deep-json.ts';

/**
 * Copies and comparisons of the plain JSON objects the store holds, with JSON's semantics (a key
 * whose value is undefined is absent, an undefined array element is null) but without a round trip
 * through text: on every write these ran several times per object, and the text was garbage at once.
 */

/** A deep copy, as `JSON.parse(JSON.stringify(value))` would make it. */
export function deepCopy<T>(value: T): T {
  if (value === undefined) return value;
  try {
    return copyValue(value) as T;
  } catch (error) {
    // Past a few thousand levels the recursion runs out of stack; the iterative copy goes on.
    if (!(error instanceof RangeError)) throw error;
    return copyJson(value);
  }
}

function copyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item === undefined || typeof item === 'function' ? null : copyValue(item);
    }
    return out;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(value)) as unknown;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== 'function') out[key] = copyValue(item);
  }
  return out;
}

/** JSON with object keys sorted, so two objects with the same content compare equal. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** Whether `a` and `b` print the same JSON up to key order: `stableStringify(a) === stableStringify(b)` without the text. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return jsonScalar(a) === jsonScalar(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(arrayItem(a[i]), arrayItem(other[i]))) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || left[key] === undefined) continue;
    count++;
    if (!jsonEqual(left[key], right[key])) return false;
  }
  for (const key in right) if (Object.hasOwn(right, key) && right[key] !== undefined) count--;
  return count === 0;
}

function jsonScalar(value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function arrayItem(value: unknown): unknown {
  return value === undefined ? null : value;
}

/** Equal but for metadata.resourceVersion: an update that changes nothing else is not stored again. */
export function sameContent<T extends { metadata?: object }>(a: T, b: T): boolean {
  const strip = (o: T) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return jsonEqual(strip(a), strip(b));
}
