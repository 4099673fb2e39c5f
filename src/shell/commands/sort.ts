/**
 * sort with GNU's keys: -k POS1[,POS2] (fields, `.chars`, per-key n/r/b/f), -t, -n, -r, -u, -f,
 * -s, -o. Models coreutils sort.c keycompare: equal keys fall back to the whole line (unless -s),
 * and -u keeps the first line of each run of equal keys. Bytes compare as in the C locale.
 */
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { readInputs } from './read-inputs.ts';
import { mergeSort } from './merge-sort.ts';
import { SLICE_WEIGHT, allLines, joinedLines } from './text-slices.ts';

interface Key {
  field: number;
  char: number;
  endField?: number;
  endChar: number;
  numeric: boolean;
  reverse: boolean;
  blanks: boolean;
  fold: boolean;
}

/** Lines whose keys are read, or that are taken in order, between two checkpoints. */
const KEYS_PER_CHECKPOINT = 4096;

const GLOBAL_FLAGS = new Set(['n', 'r', 'u', 'f', 'b', 's', 'h', 'g', 'd', 'V', 'M']);

export const sort: Command = {
  name: 'sort',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = new Set<string>();
    const keys: Key[] = [];
    let separator: string | undefined;
    let output: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-' || !a.startsWith('-')) {
        files.push(a);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'k' || c === 't' || c === 'o') {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) {
            ctx.stderr.write(`sort: option requires an argument -- '${c}'\nTry 'sort --help' for more information.\n`);
            return 2;
          }
          if (c === 'k') {
            const key = parseKey(value);
            if (typeof key === 'string') {
              ctx.stderr.write(`sort: ${key}\n`);
              return 2;
            }
            keys.push(key);
          } else if (c === 't') {
            if (value.length > 1) {
              ctx.stderr.write(`sort: multi-character tab '${value}'\n`);
              return 2;
            }
            separator = value;
          } else output = value;
          break;
        }
        if (!GLOBAL_FLAGS.has(c)) {
          ctx.stderr.write(`sort: invalid option -- '${c}'\nTry 'sort --help' for more information.\n`);
          return 2;
        }
        flags.add(c);
      }
    }
    const { texts, status } = await readInputs(ctx, 'sort', files);
    if (status) return 2;
    const lines = await allLines(ctx, texts.length === 1 ? texts[0]!.text : texts.map((t) => t.text).join(''));
    const defaults = { numeric: flags.has('n') || flags.has('h') || flags.has('g'), reverse: flags.has('r'), blanks: flags.has('b'), fold: flags.has('f') };
    const effective: Key[] =
      keys.length > 0 ? keys.map((k) => (k.numeric || k.reverse || k.blanks || k.fold ? k : { ...k, ...defaults })) : [{ field: 1, char: 1, endChar: 0, ...defaults }];
    // Each line's keys are read once, not at each of the n·log n comparisons, into one column per
    // key (the lines themselves for a whole-line key); the sort moves line numbers, not objects.
    const columns: (readonly (string | number)[])[] = [];
    for (const key of effective) {
      if (isWholeLine(key, separator) && !key.numeric && !key.fold) {
        columns.push(lines);
        continue;
      }
      const column: (string | number)[] = [];
      for (let at = 0; at < lines.length; at++) {
        const line = lines[at]!;
        column.push(keyValue(isWholeLine(key, separator) ? line : extract(line, key, separator), key));
        if (at % KEYS_PER_CHECKPOINT === KEYS_PER_CHECKPOINT - 1) await ctx.checkpoint(SLICE_WEIGHT);
      }
      columns.push(column);
    }
    const compareKeys = (x: number, y: number) => {
      for (let k = 0; k < columns.length; k++) {
        const a = columns[k]![x]!;
        const b = columns[k]![y]!;
        const order = typeof a === 'number' ? a - (b as number) || 0 : bytes(a, b as string);
        if (order !== 0) return effective[k]!.reverse ? -order : order;
      }
      return 0;
    };
    const stable = flags.has('s') || flags.has('u');
    const lastResort = stable ? () => 0 : flags.has('r') ? (x: number, y: number) => -bytes(lines[x]!, lines[y]!) : (x: number, y: number) => bytes(lines[x]!, lines[y]!);
    // A plain loop: Array.from's callback per item took tens of ms on 666,666 lines.
    const numbers = new Array<number>(lines.length);
    for (let at = 0; at < lines.length; at++) numbers[at] = at;
    const sorted = await mergeSort(ctx, numbers, (x, y) => compareKeys(x, y) || lastResort(x, y));
    const result: string[] = [];
    for (let at = 0; at < sorted.length; at++) {
      if (!flags.has('u') || at === 0 || compareKeys(sorted[at - 1]!, sorted[at]!) !== 0) result.push(lines[sorted[at]!]!);
      if (at % KEYS_PER_CHECKPOINT === KEYS_PER_CHECKPOINT - 1) await ctx.checkpoint(SLICE_WEIGHT);
    }
    if (output === undefined) {
      for await (const piece of joinedLines(ctx, result)) ctx.stdout.write(piece);
      return 0;
    }
    const pieces: string[] = [];
    for await (const piece of joinedLines(ctx, result)) pieces.push(piece);
    ctx.fs.writeFile(resolvePath(ctx.cwd, output), pieces.join(''));
    return 0;
  },
};

function parseKey(spec: string): Key | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfgihMnrV]*)(?:,(\d+)(?:\.(\d+))?([bdfgihMnrV]*))?$/.exec(spec);
  if (!m) return `invalid number at field start: invalid count at start of '${spec}'`;
  if (Number(m[1]) === 0) return `field number is zero: invalid field specification '${spec}'`;
  const opts = `${m[3] ?? ''}${m[6] ?? ''}`;
  return {
    field: Number(m[1]),
    char: Number(m[2] ?? 1),
    ...(m[4] !== undefined ? { endField: Number(m[4]) } : {}),
    endChar: Number(m[5] ?? 0),
    numeric: /[nhg]/.test(opts),
    reverse: opts.includes('r'),
    blanks: opts.includes('b'),
    fold: opts.includes('f'),
  };
}

/** The fields of a line: split at `separator`, or (GNU) each starting with the blanks before it. */
function fields(line: string, separator: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (separator !== undefined) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(separator, start);
      out.push({ start, end: at < 0 ? line.length : at });
      if (at < 0) return out;
      start = at + 1;
    }
  }
  const re = /[ \t]*[^ \t]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  if (out.length === 0) out.push({ start: 0, end: line.length });
  return out;
}

function extract(line: string, key: Key, separator: string | undefined): string {
  const all = fields(line, separator);
  const first = all[key.field - 1];
  if (!first) return '';
  let start = first.start;
  if (key.blanks) while (line[start] === ' ' || line[start] === '\t') start++;
  start = Math.min(start + key.char - 1, first.end);
  let end = line.length;
  if (key.endField !== undefined) {
    const last = all[key.endField - 1];
    if (last) end = key.endChar ? Math.min(last.start + key.endChar, last.end) : last.end;
  }
  return start < end ? line.slice(start, end) : '';
}

/** The key a line sorts by when no -k, -t, -b says otherwise: the whole line. */
function isWholeLine(key: Key, separator: string | undefined): boolean {
  return separator === undefined && key.field === 1 && key.char === 1 && key.endField === undefined && !key.blanks;
}

function keyValue(text: string, key: Key): string | number {
  return key.numeric ? numericValue(text) : key.fold ? text.toUpperCase() : text;
}

function numericValue(text: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

function bytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
