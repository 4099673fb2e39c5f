/**
 * The UTF-8 byte length of a string, without TextEncoder (not in the ES-only library). Text is
 * mostly ASCII, one byte a unit: a native search skips the ASCII stretches (16 MB of ASCII: about
 * 10 ms, where a walk of every unit takes tens), and the units around a non-ASCII one are walked
 * until ASCII_RUN_TO_SEARCH ASCII units in a row make a search worth its call again.
 */
const NON_ASCII = /[^\x00-\x7f]/g;
const ASCII_RUN_TO_SEARCH = 64;

export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  let i = 0;
  for (;;) {
    NON_ASCII.lastIndex = i;
    if (NON_ASCII.exec(text) === null) return bytes;
    i = NON_ASCII.lastIndex - 1;
    for (let ascii = 0; i < text.length && ascii < ASCII_RUN_TO_SEARCH; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        ascii++;
        continue;
      }
      ascii = 0;
      if (unit < 0x800) bytes += 1;
      else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        // A surrogate pair: two units, four bytes.
        bytes += 2;
        i++;
      } else bytes += 2;
    }
  }
}
