/** Reading DER: one TLV at a time, and the TLVs inside a constructed one. */

export interface Der {
  tag: number;
  content: Uint8Array;
}

/** One DER TLV at `at`, and where the next begins; undefined when the bytes are not DER. */
export function readDer(bytes: Uint8Array, at = 0): { node: Der; next: number } | undefined {
  const tag = bytes[at];
  let length = bytes[at + 1];
  if (tag === undefined || length === undefined) return undefined;
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] ?? NaN);
    start += count;
  }
  if (!Number.isFinite(length) || start + length > bytes.length) return undefined;
  return { node: { tag, content: bytes.subarray(start, start + length) }, next: start + length };
}

export function children(node: Der): Der[] | undefined {
  const out: Der[] = [];
  for (let at = 0; at < node.content.length;) {
    const read = readDer(node.content, at);
    if (!read) return undefined;
    out.push(read.node);
    at = read.next;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The DER bytes of the first PEM block whose type matches `label` (empty when there is none). */
export function pemBody(pem: string, label: RegExp): Uint8Array {
  const match = new RegExp(`-----BEGIN (${label.source})-----([\\s\\S]*?)-----END \\1-----`).exec(pem);
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of (match?.[2] ?? '').replace(/[\s=]/g, '')) {
    buffer = ((buffer << 6) | Math.max(0, ALPHABET.indexOf(ch))) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}
