/** DER encoding of the few ASN.1 types an X.509 certificate is built from. */

export type Bytes = number[];

function lengthBytes(length: number): Bytes {
  if (length < 0x80) return [length];
  const out: Bytes = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
  return [0x80 | out.length, ...out];
}

export function tlv(tag: number, content: Bytes): Bytes {
  return [tag, ...lengthBytes(content.length), ...content];
}

export const sequence = (...items: Bytes[]) => tlv(0x30, items.flat());
export const set = (...items: Bytes[]) => tlv(0x31, items.flat());
export const explicit = (n: number, content: Bytes) => tlv(0xa0 + n, content);
export const nullValue = (): Bytes => [0x05, 0x00];
export const bitString = (bytes: Bytes) => tlv(0x03, [0, ...bytes]);
export const utf8String = (text: string) => tlv(0x0c, [...utf8(text)]);
export const printableString = (text: string) =>
  tlv(
    0x13,
    [...text].map((c) => c.charCodeAt(0)),
  );
export const ia5String = (text: string) =>
  tlv(
    0x16,
    [...text].map((c) => c.charCodeAt(0)),
  );

/** A non-negative INTEGER from big-endian bytes, with the 0 byte DER needs before a high bit. */
export function integer(bytes: Bytes): Bytes {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.slice(start);
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? [0, ...trimmed] : trimmed.length ? trimmed : [0]);
}

export function oid(dotted: string): Bytes {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out: Bytes = [a * 40 + b];
  for (const n of rest) {
    const chunk: Bytes = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, out);
}

/** UTCTime (years 1950–2049) or GeneralizedTime, as RFC 5280 asks. */
export function time(ms: number): Bytes {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const rest = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
  const year = d.getUTCFullYear();
  const text = year < 2050 ? `${two(year % 100)}${rest}` : `${year}${rest}`;
  return tlv(
    year < 2050 ? 0x17 : 0x18,
    [...text].map((c) => c.charCodeAt(0)),
  );
}

function* utf8(text: string): Generator<number> {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) yield code;
    else if (code < 0x800) yield* [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
    else if (code < 0x10000) yield* [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
    else yield* [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  }
}
