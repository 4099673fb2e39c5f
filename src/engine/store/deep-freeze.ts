/**
 * Freezes an object and everything under it, so a reader that shares it cannot change it: in
 * strict-mode modules a write to a frozen object throws. An already frozen object is taken as
 * frozen all the way down (only this function freezes what the store and the caches hold).
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

/**
 * A frozen deep copy with JSON's semantics (see deep-copy.ts) that shares what is frozen already:
 * an update built from the stored object (`{ ...old, status }`) copies only what it changed.
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return (typeof value === 'number' && !Number.isFinite(value) ? null : value) as T;
  if (Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item === undefined || typeof item === 'function' ? null : frozenCopy(item);
    }
    return Object.freeze(out) as T;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return deepFreeze(JSON.parse(JSON.stringify(value)) as T);
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== 'function') out[key] = frozenCopy(item);
  }
  return Object.freeze(out) as T;
}
