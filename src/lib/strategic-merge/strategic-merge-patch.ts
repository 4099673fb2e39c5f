import { PatchError } from './element-order.ts';
import { deepCopy, isJsonMap } from './json-values.ts';
import { mergeMap, serverMergeOptions } from './merge-map.ts';
import type { PatchSchema } from './patch-schema.ts';

export { PatchError };

/**
 * Applies a strategic merge patch as the API server does (strategicpatch.StrategicMergeMapPatch).
 * Throws PatchError for a malformed patch (unknown `$patch`, missing merge key, bad `$retainKeys`).
 */
export function strategicMergePatch(target: unknown, patch: unknown, schema: PatchSchema): unknown {
  if (!isJsonMap(patch)) throw new PatchError('strategic merge patch must be a JSON object');
  const original = isJsonMap(target) ? deepCopy(target) : {};
  return mergeMap(original, deepCopy(patch), schema, serverMergeOptions);
}
