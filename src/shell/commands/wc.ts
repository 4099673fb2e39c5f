/** GNU wc: lines, words, bytes; -l -w -c select columns. */
import type { Command } from '../command.ts';
import { readInputs } from './read-inputs.ts';

export const wc: Command = {
  name: 'wc',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = args.filter((a) => /^-[lwc]+$/.test(a)).join('');
    const files = args.filter((a) => !/^-[lwc]+$/.test(a));
    const { texts, status } = readInputs(ctx, 'wc', files);
    const pick = flags ? (['l', 'w', 'c'] as const).filter((f) => flags.includes(f)) : (['l', 'w', 'c'] as const);
    const rows = texts.map(({ name, text }) => ({ name, l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: text.length }));
    if (rows.length > 1) rows.push({ name: 'total', l: rows.reduce((n, r) => n + r.l, 0), w: rows.reduce((n, r) => n + r.w, 0), c: rows.reduce((n, r) => n + r.c, 0) });
    const width = files.length === 0 && pick.length === 1 ? 0 : Math.max(...rows.flatMap((r) => pick.map((f) => String(r[f]).length)), files.length ? 1 : 7);
    for (const r of rows) {
      const cells = pick.map((f) => String(r[f]).padStart(width));
      ctx.stdout.write(`${cells.join(' ')}${r.name === '-' ? '' : ` ${r.name}`}\n`);
    }
    return status;
  },
};
