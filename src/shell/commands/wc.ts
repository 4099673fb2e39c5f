/** GNU wc: lines, words, bytes; -l -w -c select columns. Counts a slice at a time. */
import type { Command, CommandContext } from '../command.ts';
import { readInputs } from './read-inputs.ts';
import { charSlices } from './text-slices.ts';

type Column = 'l' | 'w' | 'c';

export const wc: Command = {
  name: 'wc',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = args.filter((a) => /^-[lwc]+$/.test(a)).join('');
    const files = args.filter((a) => !/^-[lwc]+$/.test(a));
    const { texts, status } = await readInputs(ctx, 'wc', files);
    const pick: Column[] = flags ? (['l', 'w', 'c'] as const).filter((f) => flags.includes(f)) : ['l', 'w', 'c'];
    const rows: ({ name: string } & Record<Column, number>)[] = [];
    for (const { name, text } of texts) rows.push({ name, ...(await counts(ctx, text, pick.includes('w'))), c: text.length });
    if (rows.length > 1) rows.push({ name: 'total', l: rows.reduce((n, r) => n + r.l, 0), w: rows.reduce((n, r) => n + r.w, 0), c: rows.reduce((n, r) => n + r.c, 0) });
    const width = files.length === 0 && pick.length === 1 ? 0 : Math.max(...rows.flatMap((r) => pick.map((f) => String(r[f]).length)), files.length ? 1 : 7);
    for (const r of rows) {
      const cells = pick.map((f) => String(r[f]).padStart(width));
      ctx.stdout.write(`${cells.join(' ')}${r.name === '-' ? '' : ` ${r.name}`}\n`);
    }
    return status;
  },
};

/** Newlines, and (when asked) words: runs of characters outside JavaScript's `\s`, as `split(/\s+/)` counts them. */
async function counts(ctx: CommandContext, text: string, words: boolean): Promise<{ l: number; w: number }> {
  let l = 0;
  let w = 0;
  let inWord = false;
  for await (const slice of charSlices(ctx, text)) {
    for (let at = slice.indexOf('\n'); at >= 0; at = slice.indexOf('\n', at + 1)) l++;
    if (!words) continue;
    for (let at = 0; at < slice.length; at++) {
      const space = isSpace(slice.charCodeAt(at));
      if (!space && !inWord) w++;
      inWord = !space;
    }
  }
  return { l, w };
}

/** JavaScript's `\s`: ASCII blanks, NBSP, the Unicode space separators, line and paragraph separators, BOM. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
