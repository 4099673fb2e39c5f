/**
 * Secret values never reach the diff: models pkg/cmd/diff/diff.go Masker. Each `data` key is
 * `***`; a key on both sides whose value changed is `*** (before)` / `*** (after)`, so the
 * change still shows.
 */
import type { KubeObject } from '../../engine/api/client.ts';

const MASK = '***';
const MASK_BEFORE = '*** (before)';
const MASK_AFTER = '*** (after)';

type Data = Record<string, unknown>;

function dataOf(obj: KubeObject | undefined): Data | undefined {
  const data = obj?.['data'];
  return data && typeof data === 'object' ? { ...(data as Data) } : undefined;
}

/**
 * Both versions with their data masked, when the merged object is a v1 Secret; otherwise as given.
 * A Secret not yet created comes back as null, not undefined: the masker hands back a typed nil,
 * which the printer writes as `null` where other kinds get an empty file.
 */
export function maskSecretData(from: KubeObject | undefined, to: KubeObject): { from: KubeObject | undefined | null; to: KubeObject } {
  if (to.apiVersion !== 'v1' || to.kind !== 'Secret') return { from, to };
  const before = dataOf(from);
  const after = dataOf(to);
  for (const key of Object.keys(before ?? {})) {
    if (after && key in after) {
      if (before![key] !== after[key]) {
        before![key] = MASK_BEFORE;
        after[key] = MASK_AFTER;
        continue;
      }
      after[key] = MASK;
    }
    before![key] = MASK;
  }
  for (const key of Object.keys(after ?? {})) if (!before || !(key in before)) after![key] = MASK;
  return {
    from: from && before ? { ...from, data: before } : (from ?? null),
    to: after ? { ...to, data: after } : to,
  };
}
