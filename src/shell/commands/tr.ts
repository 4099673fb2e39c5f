/**
 * tr SET1 [SET2] with -d, -s, -c: ranges, `[:class:]`, `[c*n]` repeats and backslash escapes.
 * Models coreutils tr.c: SET2 shorter than SET1 repeats its last character; -s squeezes runs of
 * the characters of the last set given.
 */
import type { Command } from '../command.ts';
import { charSlices } from './text-slices.ts';

const TRY = "Try 'tr --help' for more information.\n";
const CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /[A-Za-z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[A-Za-z0-9]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  space: (c) => /[ \t\n\v\f\r]/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
  cntrl: (c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127,
  print: (c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) < 127,
  graph: (c) => c.charCodeAt(0) > 32 && c.charCodeAt(0) < 127,
};
const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** The characters a set names, in order; a string is tr's complaint. */
function expand(set: string): string[] | string {
  const out: string[] = [];
  const chars: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls) {
      const test = CLASSES[cls[1]!];
      if (!test) return `invalid character class '${cls[1]}'`;
      chars.push(...ASCII.filter(test).map((c) => `\u0000${c}`));
      i += cls[0].length - 1;
      continue;
    }
    if (set[i] === '\\' && i + 1 < set.length) {
      const octal = /^[0-7]{1,3}/.exec(set.slice(i + 1));
      if (octal) {
        chars.push(String.fromCharCode(parseInt(octal[0], 8)));
        i += octal[0].length;
      } else chars.push(ESCAPES[set[++i]!] ?? set[i]!);
      continue;
    }
    chars.push(set[i]!);
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c.length === 2) {
      out.push(c[1]!);
      continue;
    }
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2]!.length === 1) {
      const from = c.charCodeAt(0);
      const to = chars[i + 2]!.charCodeAt(0);
      if (to < from) return `range-endpoints of '${c}-${chars[i + 2]}' are in reverse collating sequence order`;
      for (let k = from; k <= to; k++) out.push(String.fromCharCode(k));
      i += 2;
      continue;
    }
    out.push(c);
  }
  return out;
}

const UNKNOWN = -2;
const DELETED = -1;

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** UTF-16 code units as text, in pieces: a call with a slice's worth of arguments overflows the stack. */
function unitsText(units: Uint16Array): string {
  let text = '';
  for (let at = 0; at < units.length; at += 8192) text += String.fromCharCode(...units.subarray(at, at + 8192));
  return text;
}

export const tr: Command = {
  name: 'tr',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let del = false;
    let squeeze = false;
    let complement = false;
    let k = 0;
    for (; k < args.length && /^-[dscC]+$/.test(args[k]!); k++) {
      del ||= args[k]!.includes('d');
      squeeze ||= args[k]!.includes('s');
      complement ||= /[cC]/.test(args[k]!);
    }
    const sets = args.slice(k);
    const need = del && squeeze ? 2 : del || (squeeze && sets.length < 2) ? 1 : 2;
    if (sets.length < need) {
      const what = sets.length === 0 ? 'missing operand' : `missing operand after '${sets[0]}'`;
      const hint =
        sets.length === 1 && !del
          ? '\nTwo strings must be given when translating.'
          : sets.length === 1 && del
            ? '\nTwo strings must be given when both deleting and squeezing repeats.'
            : '';
      ctx.stderr.write(`tr: ${what}${hint}\n${TRY}`);
      return 1;
    }
    if (sets.length > need) {
      ctx.stderr.write(`tr: extra operand '${sets[need]}'\n${need === 1 && del ? 'Only one string may be given when deleting without squeezing repeats.\n' : ''}${TRY}`);
      return 1;
    }
    const expanded = sets.map(expand);
    const bad = expanded.find((e) => typeof e === 'string');
    if (typeof bad === 'string') {
      ctx.stderr.write(`tr: ${bad}\n`);
      return 1;
    }
    const [set1 = [], set2 = []] = expanded as string[][];
    const members = new Set(set1);
    const inSet1 = (c: string) => members.has(c) !== complement;
    const map = new Map<string, string>();
    if (sets.length === 2 && !complement) set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)] ?? c));
    /** What one character becomes before squeezing: '' when deleted. */
    const translate = (c: string): string => {
      if (del) return inSet1(c) ? '' : c;
      if (sets.length === 2 && !complement) return map.get(c) ?? c;
      if (sets.length === 2) return inSet1(c) ? (set2.at(-1) ?? c) : c;
      return c;
    };
    const squeezeSet = sets.length === 2 ? new Set(set2) : null;
    const squeezes = (c: string) => (squeezeSet ? squeezeSet.has(c) : inSet1(c));
    // Each distinct character is looked up once, into a table by code unit; text is mostly a few dozen of them.
    const table = new Int32Array(0x10000).fill(UNKNOWN);
    const pointOf = (c: string): number => {
      const to = translate(c);
      return to === '' ? DELETED : to.codePointAt(0)!;
    };
    const squeezed = new Map<number, boolean>();
    let previous = -1;
    for await (const slice of charSlices(ctx, ctx.stdin)) {
      const out = new Uint16Array(slice.length * 2);
      let length = 0;
      for (let at = 0; at < slice.length; at++) {
        const unit = slice.charCodeAt(at);
        let to: number;
        if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < slice.length && isLowSurrogate(slice.charCodeAt(at + 1))) {
          // A character outside the BMP: the sets, read by code unit, never name it whole.
          to = pointOf(slice.slice(at, at + 2));
          at++;
        } else {
          to = table[unit]!;
          if (to === UNKNOWN) table[unit] = to = pointOf(slice[at]!);
        }
        if (to === DELETED) continue;
        if (squeeze) {
          let squeezable = squeezed.get(to);
          if (squeezable === undefined) squeezed.set(to, (squeezable = squeezes(String.fromCodePoint(to))));
          if (to === previous && squeezable) continue;
          previous = to;
        }
        if (to > 0xffff) {
          out[length++] = 0xd800 + ((to - 0x10000) >> 10);
          out[length++] = 0xdc00 + ((to - 0x10000) & 0x3ff);
        } else out[length++] = to;
      }
      ctx.stdout.write(unitsText(out.subarray(0, length)));
    }
    return 0;
  },
};
