/**
 * cut -f (with -d, -s), -c and -b over a LIST of N, N-, N-M, -M. Models coreutils cut.c: the
 * selected parts come out in line order whatever order LIST names them, and a line without the
 * delimiter is printed whole unless -s.
 */
import type { Command } from '../command.ts';
import { readInputs } from './read-inputs.ts';
import { lineSlices, linesOf } from './text-slices.ts';

const TRY = "Try 'cut --help' for more information.\n";

export const cut: Command = {
  name: 'cut',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let mode: 'f' | 'c' | undefined;
    let list: string | undefined;
    let delimiter = '\t';
    let onlyDelimited = false;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-' || !a.startsWith('-')) {
        files.push(a);
        continue;
      }
      const m = /^-([fcbd])(.*)$/.exec(a);
      if (a === '-s' || a === '--only-delimited') onlyDelimited = true;
      else if (m) {
        const value = m[2] || args[++i];
        if (value === undefined) {
          ctx.stderr.write(`cut: option requires an argument -- '${m[1]}'\n${TRY}`);
          return 1;
        }
        if (m[1] === 'd') {
          if (value.length !== 1) {
            ctx.stderr.write(`cut: the delimiter must be a single character\n${TRY}`);
            return 1;
          }
          delimiter = value;
        } else {
          if (mode) {
            ctx.stderr.write(`cut: only one list may be specified\n${TRY}`);
            return 1;
          }
          mode = m[1] === 'f' ? 'f' : 'c';
          list = value;
        }
      } else {
        ctx.stderr.write(`cut: invalid option -- '${a.slice(1, 2)}'\n${TRY}`);
        return 1;
      }
    }
    if (!mode || list === undefined) {
      ctx.stderr.write(`cut: you must specify a list of bytes, characters, or fields\n${TRY}`);
      return 1;
    }
    const ranges = parseList(list, mode);
    if (typeof ranges === 'string') {
      ctx.stderr.write(`cut: ${ranges}\n${TRY}`);
      return 1;
    }
    const wanted = (n: number) => ranges.some(([from, to]) => n >= from && n <= to);
    // No position past the last range's end can be wanted: a line is read no further.
    const lastWanted = Math.max(...ranges.map(([, to]) => to));
    const { texts, status } = await readInputs(ctx, 'cut', files);
    const text = texts.length === 1 ? texts[0]!.text : texts.map((t) => t.text).join('');
    for await (const slice of lineSlices(ctx, text)) {
      const out: string[] = [];
      for (const line of linesOf(slice)) {
        if (mode === 'c') {
          let kept = '';
          let position = 0;
          for (const char of line) {
            if (++position > lastWanted) break;
            if (wanted(position)) kept += char;
          }
          out.push(`${kept}\n`);
          continue;
        }
        const parts = line.split(delimiter);
        if (parts.length === 1) {
          if (!onlyDelimited) out.push(`${line}\n`);
          continue;
        }
        out.push(`${parts.filter((_, i) => wanted(i + 1)).join(delimiter)}\n`);
      }
      ctx.stdout.write(out.join(''));
    }
    return status;
  },
};

function parseList(list: string, mode: 'f' | 'c'): [number, number][] | string {
  const ranges: [number, number][] = [];
  for (const item of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || (m[1] === '' && m[3] === '')) return m && m[2] ? 'invalid range with no endpoint: -' : `invalid field value '${item}'`;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : from;
    if (from === 0 || to === 0) return mode === 'f' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return ranges;
}
