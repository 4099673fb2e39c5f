/**
 * `xxd -r`: the bytes a dump (or with -p, plain hex digits) stands for, as text, a slice of the
 * dump at a time. Text is UTF-8 decoded as `utf8Text` decodes it whole: when every sequence is
 * valid, each slice's bytes are decoded on their own, cut before a sequence the slice ends inside;
 * at the first invalid one, the whole turns to one character per byte, as utf8Text does.
 */
import type { CommandContext } from '../command.ts';
import { lineSlices, SLICE_WEIGHT } from './text-slices.ts';

/** Each character code's value as a hex digit, or -1. */
const DIGIT_VALUE = Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  return /[0-9a-fA-F]/.test(c) ? parseInt(c, 16) : -1;
});

/** The hex digits a slice of the dump holds: all of them with -p, else those between `offset:` and the two spaces before the text column. */
function digitsOf(slice: string, plain: boolean): string {
  if (plain) return slice.replace(/[^0-9a-fA-F]/g, '');
  return slice
    .split('\n')
    .map((line) => (line.split(/:\s?/)[1] ?? '').split('  ')[0]!.replace(/[^0-9a-fA-F]/g, ''))
    .join('');
}

export async function revert(ctx: CommandContext, text: string, plain: boolean): Promise<string[]> {
  const chunks: Uint8Array[] = [];
  const decoded: string[] = [];
  let valid = true;
  let odd = '';
  let pending = new Uint8Array(0);
  for await (const slice of lineSlices(ctx, text)) {
    const digits = odd + digitsOf(slice, plain);
    const pairs = digits.length >> 1;
    odd = digits.length % 2 ? digits[digits.length - 1]! : '';
    const bytes = new Uint8Array(pending.length + pairs);
    bytes.set(pending);
    for (let i = 0; i < pairs; i++) bytes[pending.length + i] = (DIGIT_VALUE[digits.charCodeAt(2 * i)]! << 4) | DIGIT_VALUE[digits.charCodeAt(2 * i + 1)]!;
    const whole = bytes.length - cutSequenceLength(bytes);
    chunks.push(bytes.subarray(0, whole));
    pending = bytes.slice(whole);
    if (!valid) continue;
    const text = decodeValid(bytes.subarray(0, whole));
    if (text === undefined) valid = false;
    else decoded.push(text);
  }
  chunks.push(pending);
  // A sequence cut short by the end is invalid, as in utf8Text.
  if (valid && pending.length === 0) return decoded;
  const out: string[] = [];
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += 8192) out.push(String.fromCharCode(...chunk.subarray(at, at + 8192)));
    await ctx.checkpoint(SLICE_WEIGHT);
  }
  return out;
}

/** The bytes at the end of `bytes` that begin a sequence it cuts short (none when the last lead's sequence is whole). */
function cutSequenceLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const lead = bytes[bytes.length - back]!;
    if ((lead & 0xc0) === 0x80) continue;
    return sequenceLength(lead) > back ? back : 0;
  }
  return 0;
}

/** How many bytes a sequence starting with `lead` takes; 0 when no valid sequence starts with it. */
function sequenceLength(lead: number): number {
  return lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
}

/** The text of valid UTF-8 (no overlong form, surrogate or sequence cut short), else undefined. */
function decodeValid(bytes: Uint8Array): string | undefined {
  let text = '';
  const units: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return undefined;
    let point = length === 1 ? lead : lead & (0x7f >> length);
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return undefined;
      point = (point << 6) | (next & 0x3f);
    }
    if ((length === 3 && (point < 0x800 || (point >= 0xd800 && point <= 0xdfff))) || (length === 4 && (point < 0x10000 || point > 0x10ffff))) return undefined;
    if (point > 0xffff) units.push(0xd800 + ((point - 0x10000) >> 10), 0xdc00 + ((point - 0x10000) & 0x3ff));
    else units.push(point);
    // In pieces: a call with millions of arguments overflows the stack.
    if (units.length >= 8192) text += String.fromCharCode(...units.splice(0));
    i += length;
  }
  return text + String.fromCharCode(...units);
}
