/**
 * Go's base64.StdEncoding decoder, as encoding/json uses it for []byte fields (Secret data): the
 * same accepted inputs (newlines skipped, padding required) and the same error offsets
 * (`illegal base64 data at input byte 4` for "admin").
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export type GoBase64Result = { ok: true; bytes: number[] } | { ok: false; message: string };

const corrupt = (offset: number): GoBase64Result => ({ ok: false, message: `illegal base64 data at input byte ${offset}` });
const isNewline = (c: string | undefined) => c === '\n' || c === '\r';

// Models encoding/base64 decodeQuantum, one 4-character quantum at a time.
export function decodeGoBase64(src: string): GoBase64Result {
  const bytes: number[] = [];
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes };
        return corrupt(si - j);
      }
      const ch = src[si]!;
      si++;
      const value = ALPHABET.indexOf(ch);
      if (value >= 0) {
        dbuf[j] = value;
        continue;
      }
      if (isNewline(ch)) {
        j--;
        continue;
      }
      if (ch !== '=') return corrupt(si - 1);
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== '=') return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return corrupt(si);
      dlen = j;
      break;
    }
    const n = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const out = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    bytes.push(...out.slice(0, dlen - 1));
  }
  return { ok: true, bytes };
}
