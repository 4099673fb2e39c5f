/**
 * What kubectl says about a `-f` file that starts with `{` and is neither JSON nor YAML: the error
 * of Go's encoding/json Decoder reading the stream value by value (`json: offset 3: invalid
 * character 'a' looking for beginning of object key string`, or `unexpected EOF` when the input
 * ends inside a value). Only the message is wanted, so this is a syntax checker with an explicit
 * stack: no nesting depth can overflow it.
 * Models encoding/json scanner.go (the states and their wording) and stream.go readValue.
 */

const MAX_DEPTH = 10_000;
/** Characters scanned between two pauses of scanJsonStreamSliced: about a millisecond. */
const SCAN_SLICE_CHARS = 65_536;

type Context = 'value' | 'key' | 'after-key' | 'after-pair' | 'after-element';
type ScanResult = { error: string } | { ends: number[] };

/**
 * The Decoder's error for the stream, or where each of its top-level values ends when every one is
 * well formed (a stream may hold several: `{…} {…}`).
 */
export function scanJsonStream(text: string): ScanResult {
  const steps = scanSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** scanJsonStream for a file of megabytes: `pause` runs between two slices of SCAN_SLICE_CHARS. */
export async function scanJsonStreamSliced(text: string, pause: () => Promise<void>): Promise<ScanResult> {
  const steps = scanSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The scan, handing back control (a bare `yield`) after each slice. */
function* scanSteps(text: string): Generator<void, ScanResult> {
  const ends: number[] = [];
  let i = 0;
  let sliceEnd = SCAN_SLICE_CHARS;
  const fail = (error: string) => ({ error });
  const invalid = (context: string) => invalidAt(text, i, context);
  const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  const skipSpace = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return { ends };
    // One top-level value.
    const stack: ('object' | 'array')[] = [];
    let context: Context = 'value';
    for (;;) {
      if (i >= sliceEnd) {
        sliceEnd = i + SCAN_SLICE_CHARS;
        yield;
      }
      skipSpace();
      if (i >= text.length) return fail('unexpected EOF');
      const c = text.charCodeAt(i);
      if (context === 'value' || context === 'key') {
        if (context === 'key' && c !== 0x22) return yield* invalid('looking for beginning of object key string');
        if (c === 0x7b || c === 0x5b) {
          if (stack.length >= MAX_DEPTH) return yield* invalid('exceeded max depth');
          stack.push(c === 0x7b ? 'object' : 'array');
          i++;
          skipSpace();
          if (i >= text.length) return fail('unexpected EOF');
          if (text.charCodeAt(i) === (c === 0x7b ? 0x7d : 0x5d)) {
            stack.pop();
            i++;
            context = afterValue(stack);
          } else context = c === 0x7b ? 'key' : 'value';
          if (stack.length === 0) {
            ends.push(i);
            break;
          }
          continue;
        }
        const wasKey: boolean = context === 'key';
        const end = c === 0x22 ? scanString(text, i) : scanLiteralOrNumber(text, i);
        if (typeof end === 'string') {
          if (end === 'EOF') return fail('unexpected EOF');
          i = Number(end.split(':')[0]);
          return yield* invalid(end.slice(end.indexOf(':') + 1));
        }
        i = end;
        context = wasKey ? 'after-key' : afterValue(stack);
        if (stack.length === 0) {
          ends.push(i);
          break;
        }
        continue;
      }
      if (context === 'after-key') {
        if (c !== 0x3a) return yield* invalid('after object key');
        i++;
        context = 'value';
        continue;
      }
      const closer = context === 'after-pair' ? 0x7d : 0x5d;
      if (c === 0x2c) {
        i++;
        context = context === 'after-pair' ? 'key' : 'value';
        continue;
      }
      if (c !== closer) return yield* invalid(context === 'after-pair' ? 'after object key:value pair' : 'after array element');
      stack.pop();
      i++;
      context = afterValue(stack);
      if (stack.length === 0) {
        ends.push(i);
        break;
      }
    }
  }
}

/** The error for the character at `at`, whose offset is counted in UTF-8 bytes, a slice at a time. */
function* invalidAt(text: string, at: number, context: string): Generator<void, { error: string }> {
  let offset = 0;
  for (let from = 0; from < at; from += SCAN_SLICE_CHARS) {
    if (from > 0) yield;
    offset += utf8Length(text, from, Math.min(at, from + SCAN_SLICE_CHARS));
  }
  return { error: `json: offset ${offset + 1}: invalid character ${quoteChar(text.charCodeAt(at))} ${context}` };
}

function afterValue(stack: ('object' | 'array')[]): Context {
  return stack.at(-1) === 'object' ? 'after-pair' : 'after-element';
}

/** The index after a string starting at `start`, or `index:context` of the bad byte, or `EOF`. */
function scanString(text: string, start: number): number | string {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return `${i}:in string literal`;
    if (c === 0x5c) {
      i++;
      if (i >= text.length) return 'EOF';
      const e = text.charCodeAt(i);
      if (e === 0x75) {
        for (let k = 1; k <= 4; k++) {
          if (i + k >= text.length) return 'EOF';
          if (!isHex(text.charCodeAt(i + k))) return `${i + k}:in \\u hexadecimal character escape`;
        }
        i += 5;
        continue;
      }
      if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) return `${i}:in string escape code`;
    }
    i++;
  }
  return 'EOF';
}

const LITERALS: Record<number, string> = { 0x74: 'true', 0x66: 'false', 0x6e: 'null' };

function scanLiteralOrNumber(text: string, start: number): number | string {
  const c = text.charCodeAt(start);
  const literal = LITERALS[c];
  if (literal) {
    for (let k = 1; k < literal.length; k++) {
      if (start + k >= text.length) return 'EOF';
      if (text.charCodeAt(start + k) !== literal.charCodeAt(k)) return `${start + k}:in literal ${literal} (expecting ${quoteChar(literal.charCodeAt(k))})`;
    }
    return start + literal.length;
  }
  if (c !== 0x2d && !isDigit(c)) return `${start}:looking for beginning of value`;
  let i = start;
  if (text.charCodeAt(i) === 0x2d) {
    i++;
    if (i >= text.length) return 'EOF';
    if (!isDigit(text.charCodeAt(i))) return `${i}:in numeric literal`;
  }
  if (text.charCodeAt(i) === 0x30) i++;
  else while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (i >= text.length) return 'EOF';
    if (!isDigit(text.charCodeAt(i))) return `${i}:after decimal point in numeric literal`;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
    i++;
    if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
    if (i >= text.length) return 'EOF';
    if (!isDigit(text.charCodeAt(i))) return `${i}:in exponent of numeric literal`;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  // A number at the very end of the stream is complete only once the Decoder sees what follows.
  return i;
}

function utf8Length(text: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  return n;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** encoding/json quoteChar: `'\''` for a quote, otherwise the byte as strconv.Quote writes it, in single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const quoted = JSON.stringify(String.fromCharCode(c));
  const inner = quoted.slice(1, -1).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
  return `'${inner}'`;
}
