/** RFC 7386 JSON merge patch, as evanphx/json-patch MergePatch applies it for the API server. */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Nulls in values the target does not have yet mean nothing and are dropped (pruneNulls).
function pruneNulls(v: unknown): unknown {
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, child] of Object.entries(v)) if (child !== null) out[k] = pruneNulls(child);
  return out;
}

export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = Object.hasOwn(result, key) ? jsonMergePatch(result[key], value) : pruneNulls(value);
  }
  return result;
}

/** CreateMergePatch: the merge patch turning `original` into `modified` (`{}` when equal). */
export function createJsonMergePatch(original: unknown, modified: unknown): unknown {
  if (!isObject(original) || !isObject(modified)) return modified;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(modified)) {
    if (!Object.hasOwn(original, key)) patch[key] = value;
    else if (isObject(original[key]) && isObject(value)) {
      const child = createJsonMergePatch(original[key], value) as Record<string, unknown>;
      if (Object.keys(child).length > 0) patch[key] = child;
    } else if (JSON.stringify(original[key]) !== JSON.stringify(value)) {
      patch[key] = value;
    }
  }
  for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  return patch;
}
