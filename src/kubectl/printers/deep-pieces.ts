/**
 * Printing a value nested thousands of levels deep (kubectl prints a manifest 9,999 levels deep)
 * without running out of stack: the yaml package and JSON.stringify recurse once per level, so a
 * printer prints the value in pieces PIECE_DEPTH levels deep, each deeper collection replaced by
 * the placeholder `cka-lab-deep-piece-N` that the piece's own text then takes.
 */
export const PIECE_DEPTH = 200;

export function isDeeperThan(value: unknown, depth: number): boolean {
  const work: [unknown, number][] = [[value, 0]];
  while (work.length > 0) {
    const [v, level] = work.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (level >= depth) return true;
    for (const child of Object.values(v)) work.push([child, level + 1]);
  }
  return false;
}

function isFilled(value: unknown): value is object {
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

/** A copy of `value` down to `depth` levels, each non-empty collection below them a placeholder. */
export function cutBelow(value: unknown, depth: number, pieces: unknown[]): unknown {
  if (!isFilled(value)) return value;
  if (depth === 0) {
    pieces.push(value);
    return `cka-lab-deep-piece-${pieces.length - 1}`;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => cutBelow(item, depth - 1, pieces));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutBelow(v, depth - 1, pieces)]));
}

/** A copy of `value` with each object's keys in the order `order(keys, key)` gives, `key` being the object's own key (an array's items share it). */
export function reorderKeysDeep(value: unknown, order: (keys: string[], key: string) => string[]): unknown {
  const root: unknown[] = [undefined];
  const work: { from: unknown; into: Record<string, unknown> | unknown[]; slot: string | number; key: string }[] = [{ from: value, into: root, slot: 0, key: '' }];
  while (work.length > 0) {
    const { from, into, slot, key } = work.pop()!;
    let copy: Record<string, unknown> | unknown[];
    if (Array.isArray(from)) {
      copy = [...(from as unknown[])];
      for (let i = 0; i < copy.length; i++) work.push({ from: copy[i], into: copy, slot: i, key });
    } else if (from !== null && typeof from === 'object') {
      const object: Record<string, unknown> = {};
      for (const k of order(Object.keys(from), key)) {
        object[k] = (from as Record<string, unknown>)[k];
        work.push({ from: object[k], into: object, slot: k, key: k });
      }
      copy = object;
    } else continue;
    (into as Record<string | number, unknown>)[slot] = copy;
  }
  return root[0];
}
