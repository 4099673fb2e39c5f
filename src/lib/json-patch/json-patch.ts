/**
 * RFC 6902 JSON patch, worded as evanphx/json-patch (v4) words its errors; the API server returns
 * those as the cause of a 422 ("the server rejected our request due to an error in our request").
 */

type Container = Record<string, unknown> | unknown[];
type Result = { ok: true; value: unknown } | { ok: false; message: string };

class JsonPatchError extends Error {}

const cloneJson = (v: unknown): unknown => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function decodePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The container holding the last segment of `path`, and that segment. */
function findParent(doc: unknown, path: string): { parent: Container; key: string } | undefined {
  if (!path.startsWith('/')) return undefined;
  const parts = decodePointer(path);
  const key = parts.pop() ?? '';
  let cur: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(part)) return undefined;
      cur = cur[Number(part)];
    } else if (isObject(cur)) {
      cur = cur[part];
    } else {
      return undefined;
    }
  }
  return Array.isArray(cur) || isObject(cur) ? { parent: cur, key } : undefined;
}

function arrayIndex(key: string, length: number, allowEnd: boolean): number {
  if (key === '-' && allowEnd) return length;
  const idx = /^-?\d+$/.test(key) ? Number(key) : NaN;
  if (Number.isNaN(idx)) throw new JsonPatchError(`Unable to access invalid index: ${key}: invalid index referenced`);
  const max = allowEnd ? length : length - 1;
  if (idx < -length || idx > max) throw new JsonPatchError(`Unable to access invalid index: ${idx}: invalid index referenced`);
  return idx < 0 ? idx + length : idx;
}

function getValue(doc: unknown, path: string): { found: boolean; value: unknown } {
  if (path === '') return { found: true, value: doc };
  const at = findParent(doc, path);
  if (!at) return { found: false, value: undefined };
  if (Array.isArray(at.parent)) {
    const idx = /^\d+$/.test(at.key) ? Number(at.key) : -1;
    return idx >= 0 && idx < at.parent.length ? { found: true, value: at.parent[idx] } : { found: false, value: undefined };
  }
  return Object.hasOwn(at.parent, at.key) ? { found: true, value: at.parent[at.key] } : { found: false, value: undefined };
}

function add(doc: unknown, path: string, value: unknown, op = 'add'): unknown {
  if (path === '') return value;
  const at = findParent(doc, path);
  if (!at) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  if (Array.isArray(at.parent)) at.parent.splice(arrayIndex(at.key, at.parent.length, true), 0, value);
  else at.parent[at.key] = value;
  return doc;
}

function remove(doc: unknown, path: string, op = 'remove'): unknown {
  const at = findParent(doc, path);
  if (!at) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  if (Array.isArray(at.parent)) {
    at.parent.splice(arrayIndex(at.key, at.parent.length, false), 1);
  } else {
    if (!Object.hasOwn(at.parent, at.key)) {
      throw new JsonPatchError(`Unable to remove nonexistent key: ${at.key}: missing value`);
    }
    delete at.parent[at.key];
  }
  return doc;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k])]),
  );
}

function stringField(op: Record<string, unknown>, name: string, kind: string): string {
  const v = op[name];
  if (typeof v !== 'string') throw new JsonPatchError(`${kind} operation missing ${name} field: missing value`);
  return v;
}

export function applyJsonPatch(target: unknown, ops: unknown): Result {
  if (!Array.isArray(ops)) {
    return { ok: false, message: `json: cannot unmarshal ${isObject(ops) ? 'object' : typeof ops} into Go value of type jsonpatch.Patch` };
  }
  let doc: unknown = JSON.parse(JSON.stringify(target ?? null));
  try {
    for (const raw of ops) {
      const op = isObject(raw) ? raw : {};
      const kind = typeof op['op'] === 'string' ? op['op'] : 'unknown';
      switch (kind) {
        case 'add': {
          const path = stringField(op, 'path', 'add');
          doc = add(doc, path, cloneJson(op['value'] ?? null));
          break;
        }
        case 'remove':
          doc = remove(doc, stringField(op, 'path', 'remove'));
          break;
        case 'replace': {
          const path = stringField(op, 'path', 'replace');
          if (path === '') {
            doc = cloneJson(op['value'] ?? null);
            break;
          }
          const at = findParent(doc, path);
          if (!at) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
          if (!getValue(doc, path).found) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
          if (Array.isArray(at.parent)) at.parent[arrayIndex(at.key, at.parent.length, false)] = cloneJson(op['value'] ?? null);
          else at.parent[at.key] = cloneJson(op['value'] ?? null);
          break;
        }
        case 'move':
        case 'copy': {
          const from = stringField(op, 'from', kind);
          const path = stringField(op, 'path', kind);
          const source = getValue(doc, from);
          if (!source.found) throw new JsonPatchError(`${kind} operation does not apply: doc is missing from path: ${from}: missing value`);
          if (kind === 'move') doc = remove(doc, from, 'move');
          doc = add(doc, path, cloneJson(source.value), kind);
          break;
        }
        case 'test': {
          const path = stringField(op, 'path', 'test');
          const actual = getValue(doc, path);
          if (!actual.found ? op['value'] !== null && op['value'] !== undefined : !deepEqual(actual.value, op['value'])) {
            throw new JsonPatchError(`testing value ${path} failed: test failed`);
          }
          break;
        }
        default:
          throw new JsonPatchError(`Unexpected kind: ${kind}`);
      }
    }
  } catch (e) {
    if (e instanceof JsonPatchError) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, value: doc };
}
