/** Standard base64 over UTF-8 text, without the DOM's btoa/atob or Node's Buffer. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

/** Bytes to text; invalid UTF-8 (overlong, surrogate, cut short) falls back to one character per byte. */
export function utf8Text(bytes: readonly number[]): string {
  let text = '';
  const units: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return byteChars(bytes);
    let point = length === 1 ? lead : lead & (0x7f >> length);
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return byteChars(bytes);
      point = (point << 6) | (next & 0x3f);
    }
    if ((length === 3 && (point < 0x800 || (point >= 0xd800 && point <= 0xdfff))) || (length === 4 && (point < 0x10000 || point > 0x10ffff))) return byteChars(bytes);
    if (point > 0xffff) units.push(0xd800 + ((point - 0x10000) >> 10), 0xdc00 + ((point - 0x10000) & 0x3ff));
    else units.push(point);
    // In slices: a call with millions of arguments overflows the stack.
    if (units.length >= 8192) text += String.fromCharCode(...units.splice(0));
    i += length;
  }
  return text + String.fromCharCode(...units);
}

function byteChars(bytes: readonly number[]): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 8192) text += String.fromCharCode(...bytes.slice(at, at + 8192));
  return text;
}

export function encodeBase64(text: string): string {
  return encodeBase64Bytes(utf8Bytes(text));
}

export function encodeBase64Bytes(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** Decodes base64 (whitespace and padding ignored); undefined for a character outside the alphabet. */
export function decodeBase64(text: string): string | undefined {
  const bytes = decodeBase64Bytes(text.replace(/[\s=]/g, ''));
  return bytes && utf8Text(bytes);
}

/** The bytes of base64 without whitespace or padding; undefined for a character outside the alphabet. */
export function decodeBase64Bytes(clean: string): number[] | undefined {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}
