import type { Command, CommandContext } from '../command.ts';
import { readInputs } from './read-inputs.ts';
import { lineSlices, writeInSlices } from './text-slices.ts';

export const cat: Command = {
  name: 'cat',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const number = args.includes('-n');
    const files = args.filter((a) => a === '-' || !a.startsWith('-'));
    if (files.length === 0 && ctx.stdinIsTerminal && ctx.terminal.readLine) return catTerminal(ctx, number);
    const { texts, status } = await readInputs(ctx, 'cat', files);
    let line = 1;
    for (const { text } of texts) {
      if (!number) {
        await writeInSlices(ctx, text);
        continue;
      }
      for await (const slice of lineSlices(ctx, text)) {
        const out: string[] = [];
        for (let at = 0; at < slice.length;) {
          const newline = slice.indexOf('\n', at);
          const end = newline < 0 ? slice.length : newline + 1;
          out.push(`${String(line++).padStart(6)}\t${slice.slice(at, end)}`);
          at = end;
        }
        ctx.stdout.write(out.join(''));
      }
    }
    return status;
  },
};

/**
 * `cat` reading the terminal: each line is copied as soon as the user ends it, until Ctrl-D at the
 * start of a line; Ctrl-C kills it (status 130).
 */
async function catTerminal(ctx: CommandContext, number: boolean): Promise<number> {
  for (let n = 1; ; n++) {
    const line = await ctx.terminal.readLine!('', ctx.interrupt);
    if (ctx.interrupt.interrupted) return 130;
    if (line === null) return 0;
    ctx.stdout.write(number ? `${String(n).padStart(6)}\t${line}\n` : `${line}\n`);
  }
}
