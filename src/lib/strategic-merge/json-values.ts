// Decoded-JSON helpers shared by the patch algorithms (Go's map[string]interface{} world).
import { formatGoFloat } from '../jsonpath/go-value-format.ts';

export type JsonMap = Record<string, unknown>;

export const isJsonMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** reflect.TypeOf over decoded JSON: "map", "slice", "string", "float64", "bool" or "nil". */
export function goJsonType(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'number') return 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** reflect.DeepEqual over decoded JSON, with pairs to compare kept in a list: values nest 10,000 deep. */
export function deepEqual(a: unknown, b: unknown): boolean {
  const pairs: [unknown, unknown][] = [[a, b]];
  while (pairs.length > 0) {
    const [x, y] = pairs.pop()!;
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      x.forEach((v, i) => pairs.push([v, y[i]]));
    } else if (isJsonMap(x) && isJsonMap(y)) {
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length || !keys.every((k) => Object.hasOwn(y, k))) return false;
      for (const k of keys) pairs.push([x[k], y[k]]);
    } else return false;
  }
  return true;
}

export { copyJson as deepCopy } from '../deep-json/deep-json.ts';

/** fmt's %v of a scalar, the sort key apimachinery uses for scalars and merge-key values. */
export function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return formatGoFloat(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function sortScalars(list: unknown[]): unknown[] {
  return [...list].sort((a, b) => {
    const x = scalarText(a);
    const y = scalarText(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

// Models deduplicateScalars, including how it moves the last element into a duplicate's slot.
export function deduplicateScalars(input: unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}
