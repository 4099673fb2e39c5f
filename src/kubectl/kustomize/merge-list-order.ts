/**
 * kustomize merges strategic patches with kyaml's walker, which keeps a merged list in the
 * target's order and appends the patch's new items; the API server's merge puts the patch's items
 * first. This restores kyaml's order on a list merged by key.
 */
import { lookupPatchField, type PatchSchema } from '../../lib/strategic-merge/patch-schema.ts';

type JsonMap = Record<string, unknown>;
const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

export function keepTargetOrder(original: unknown, merged: unknown, schema: PatchSchema): void {
  if (!isMap(original) || !isMap(merged)) return;
  for (const [key, value] of Object.entries(merged)) {
    const field = lookupPatchField(schema, key);
    const before = original[key];
    const inner = field.schema ?? {};
    if (Array.isArray(value) && Array.isArray(before) && field.mergeKey) {
      const mergeKey = field.mergeKey;
      const keyOf = (item: unknown) => (isMap(item) ? JSON.stringify(item[mergeKey]) : JSON.stringify(item));
      const position = new Map(before.map((item, n) => [keyOf(item), n]));
      const kept = value.filter((item) => position.has(keyOf(item))).sort((a, b) => position.get(keyOf(a))! - position.get(keyOf(b))!);
      const added = value.filter((item) => !position.has(keyOf(item)));
      merged[key] = [...kept, ...added];
      for (const item of kept) keepTargetOrder(before[position.get(keyOf(item))!], item, inner);
    } else if (isMap(value)) keepTargetOrder(before, value, inner);
  }
}
