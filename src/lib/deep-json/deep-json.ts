/**
 * JSON text of values nested deeper than V8's recursive JSON.stringify reaches (a few thousand
 * levels): kubectl and the API server take manifests up to encoding/json's 10,000 levels.
 * JSON.parse is iterative in V8, so only writing needs this. Same text as JSON.stringify for plain
 * JSON data (objects, arrays, strings, finite numbers, booleans, null, skipped undefined).
 */
export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return stringifyWithoutRecursion(value);
}

/** A deep copy of plain JSON data, at any depth. */
export function copyJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(stringifyJson(value)) as T);
}

type Work = { text: string } | { value: unknown; inArray: boolean };

/** stringifyJson past V8's depth; exported for its tests. */
export function stringifyWithoutRecursion(root: unknown): string {
  let out = '';
  const work: Work[] = [{ value: root, inArray: false }];
  while (work.length > 0) {
    const item = work.pop()!;
    if ('text' in item) {
      out += item.text;
      continue;
    }
    const { value, inArray } = item;
    if (value === null || typeof value !== 'object') {
      out += skipped(value) ? (inArray ? 'null' : '') : JSON.stringify(value);
    } else if (Array.isArray(value)) {
      work.push({ text: ']' });
      for (let i = value.length - 1; i >= 0; i--) {
        work.push({ value: value[i], inArray: true });
        if (i > 0) work.push({ text: ',' });
      }
      work.push({ text: '[' });
    } else {
      const entries = Object.entries(value).filter(([, v]) => !skipped(v));
      work.push({ text: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        work.push({ value: entries[i]![1], inArray: false });
        work.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(entries[i]![0])}:` });
      }
      work.push({ text: '{' });
    }
  }
  return out;
}

function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
