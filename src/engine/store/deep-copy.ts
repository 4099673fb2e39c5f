import { copyJson } from '../../lib/deep-json/deep-json.ts';

/** Objects in the store are plain JSON, so a JSON round trip is a faithful deep copy, at any depth. */
export function deepCopy<T>(value: T): T {
  return copyJson(value);
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

/** Equal but for metadata.resourceVersion: an update that changes nothing else is not stored again. */
export function sameContent<T extends { metadata?: object }>(a: T, b: T): boolean {
  const strip = (o: T) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return stableStringify(strip(a)) === stableStringify(strip(b));
}
