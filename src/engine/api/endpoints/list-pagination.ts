/**
 * `limit` + `continue` over a list the engine returns whole (kubectl --chunk-size, 500 by
 * default). Models staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go GetList: a page ends
 * at `limit` items, the token names the key after which the next page starts, and the list's
 * metadata says how many items remain.
 */
import type { KubeObject, Status } from '../client.ts';
import { decodeBase64, encodeBase64 } from '../../../lib/base64.ts';
import { badRequest } from './serve-status.ts';

export interface Page<T> {
  items: T[];
  continueToken?: string;
  remainingItemCount?: number;
}

/** Items are in etcd key order (namespace, then name), as the store lists them. */
function keyOf(obj: KubeObject | undefined): string {
  return `${obj?.metadata?.namespace ?? ''}/${obj?.metadata?.name ?? ''}`;
}

export function encodeContinue(resourceVersion: string, lastKey: string): string {
  return encodeBase64(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(resourceVersion), start: `${lastKey}\u0000` }));
}

function decodeContinue(token: string): string | undefined {
  try {
    const parsed = JSON.parse(decodeBase64(token) ?? '') as { v?: unknown; start?: unknown };
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.start !== 'string') return undefined;
    return parsed.start.replace(/\u0000$/, '');
  } catch {
    return undefined;
  }
}

/** One page of `items`; `objectOf` finds the object an item is (itself, or a Table row's). */
export function paginate<T>(
  items: T[],
  objectOf: (item: T) => KubeObject | undefined,
  resourceVersion: string,
  limit: number,
  continueToken?: string,
): Page<T> | { status: Status } {
  let rest = items;
  if (continueToken) {
    const after = decodeContinue(continueToken);
    if (after === undefined) return { status: badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)') };
    rest = items.filter((item) => keyOf(objectOf(item)) > after);
  }
  if (limit <= 0 || rest.length <= limit) return { items: rest };
  const page = rest.slice(0, limit);
  return { items: page, continueToken: encodeContinue(resourceVersion, keyOf(objectOf(page[page.length - 1]!))), remainingItemCount: rest.length - limit };
}
