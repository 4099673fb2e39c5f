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
