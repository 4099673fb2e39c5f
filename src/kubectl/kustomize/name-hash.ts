/**
 * The content hash kustomize appends to a generated ConfigMap or Secret name. The name itself is
 * not hashed: hasher.go looks it up as one key `metadata/name`, which never exists, so it reads "".
 * Models kustomize api/hasher/hasher.go.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { utf8Bytes } from '../../lib/base64.ts';
import { sha256Hex } from '../../lib/sha256/sha256.ts';

/** Go's json.Marshal: keys sorted, and `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function goJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first ten hex digits of the SHA-256, with 0, 1, 3, a and e swapped for letters a name may hold without reading as a word. */
export function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

export function contentHash(obj: KubeObject): string {
  const field = (name: string) => {
    const v = obj[name];
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
  };
  let encoded: Record<string, unknown>;
  if (obj.kind === 'ConfigMap') {
    encoded = { kind: 'ConfigMap', name: '', data: field('data') ?? '' };
    if (field('binaryData')) encoded.binaryData = field('binaryData');
  } else if (obj.kind === 'Secret') {
    encoded = { kind: 'Secret', type: typeof obj.type === 'string' ? obj.type : '', name: '', data: field('data') ?? '' };
    if (field('stringData')) encoded.stringData = field('stringData');
  } else encoded = obj;
  return encodeHash(sha256Hex(utf8Bytes(goJson(encoded))));
}
