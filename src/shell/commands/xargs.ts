/** xargs: appends the words of stdin to a command (`-n N` per run, `-I {}` per line) run through the shell. */
import type { Command } from '../command.ts';

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export const xargs: Command = {
  name: 'xargs',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let perRun = Infinity;
    let placeholder: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-n') perRun = Number(args[++i]);
      else if (a.startsWith('-n') && a.length > 2) perRun = Number(a.slice(2));
      else if (a === '-I') placeholder = args[++i];
      else if (a === '-r' || a === '--no-run-if-empty') continue;
      else break;
    }
    const command = args.slice(i).length ? args.slice(i) : ['echo'];
    const runs: string[][] = [];
    if (placeholder !== undefined) {
      const ph = placeholder;
      for (const line of ctx.stdin.split('\n').filter((l) => l.trim())) runs.push(command.map((w) => w.split(ph).join(line.trim())));
    } else {
      const words = ctx.stdin.split(/\s+/).filter(Boolean);
      if (words.length === 0 && command[0] !== 'echo') return 0;
      for (let start = 0; start < Math.max(words.length, 1); start += Number.isFinite(perRun) && perRun > 0 ? perRun : Math.max(words.length, 1))
        runs.push([...command, ...words.slice(start, Number.isFinite(perRun) ? start + perRun : undefined)]);
    }
    let status = 0;
    for (const argv of runs) {
      await ctx.checkpoint();
      const code = await ctx.runScript(argv.map(quote).join(' '));
      if (code === 127) return 127;
      if (code !== 0) status = 123;
    }
    return status;
  },
};
