/**
 * base64: encodes or (`-d`) decodes its input, wrapped at 76 columns unless `-w` says otherwise.
 * Works through its input a slice at a time, so a file of megabytes leaves room for Ctrl-C.
 */
import type { Command, CommandContext } from '../command.ts';
import { decodeBase64Bytes, encodeBase64Bytes, utf8Bytes, utf8Text } from '../../lib/base64.ts';
import { readInputs } from './read-inputs.ts';

/** Characters of input (a multiple of 3 and of 4) handled between two checkpoints. */
const SLICE = 12_288;
/** A slice's weight in steps: a few slices make a host turn, a few milliseconds of work. */
const SLICE_WEIGHT = 16;

export const base64: Command = {
  name: 'base64',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const decode = args.includes('-d') || args.includes('--decode');
    const files = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-w' && args[i - 1] !== '--wrap');
    const { texts, status } = await readInputs(ctx, 'base64', files);
    const input = texts.map((t) => t.text).join('');
    if (decode) {
      const text = await decodeInSlices(ctx, input);
      if (text === undefined) {
        ctx.stderr.write('base64: invalid input\n');
        return 1;
      }
      ctx.stdout.write(text);
      return status;
    }
    const out = await encodeInSlices(ctx, input);
    const wrap = wrapColumns(args);
    // GNU base64 ends wrapped output with a newline, unwrapped (`-w 0`) and empty output without one.
    if (!out) return status;
    if (!wrap) ctx.stdout.write(out);
    else
      for (let at = 0; at < out.length; at += wrap * 256) {
        const lines: string[] = [];
        for (let line = at; line < Math.min(out.length, at + wrap * 256); line += wrap) lines.push(out.slice(line, line + wrap));
        ctx.stdout.write(`${lines.join('\n')}\n`);
        await ctx.checkpoint(SLICE_WEIGHT);
      }
    return status;
  },
};

async function encodeInSlices(ctx: CommandContext, input: string): Promise<string> {
  const parts: string[] = [];
  let carry: number[] = [];
  for (let at = 0; at < input.length;) {
    let end = Math.min(at + SLICE, input.length);
    // A surrogate pair is one character of UTF-8: never cut between its halves.
    if (end < input.length && /[\ud800-\udbff]/.test(input[end - 1]!)) end++;
    const bytes = carry.concat(utf8Bytes(input.slice(at, end)));
    const whole = bytes.length - (bytes.length % 3);
    parts.push(encodeBase64Bytes(bytes.slice(0, whole)));
    carry = bytes.slice(whole);
    at = end;
    await ctx.checkpoint(SLICE_WEIGHT);
  }
  parts.push(encodeBase64Bytes(carry));
  return parts.join('');
}

/** Decodes slices of whole quanta (4 characters, 3 bytes); the text is read from all the bytes at the end. */
async function decodeInSlices(ctx: CommandContext, input: string): Promise<string | undefined> {
  const clean = input.replace(/[\s=]/g, '');
  const bytes: number[] = [];
  for (let at = 0; at < clean.length; at += SLICE) {
    const slice = decodeBase64Bytes(clean.slice(at, at + SLICE));
    if (slice === undefined) return undefined;
    for (const byte of slice) bytes.push(byte);
    await ctx.checkpoint(SLICE_WEIGHT);
  }
  return utf8Text(bytes);
}

/** `-w N`, `-wN`, `--wrap=N`: columns per output line, 0 for none; GNU's default is 76. */
function wrapColumns(args: readonly string[]): number {
  let wrap = 76;
  args.forEach((arg, i) => {
    const value = arg === '-w' || arg === '--wrap' ? args[i + 1] : /^(?:-w|--wrap=)(.+)$/.exec(arg)?.[1];
    if (value !== undefined && /^\d+$/.test(value)) wrap = Number(value);
  });
  return wrap;
}
