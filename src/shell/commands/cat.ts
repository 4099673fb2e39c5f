import type { Command, CommandContext } from '../command.ts';
import { readInputs } from './read-inputs.ts';

export const cat: Command = {
  name: 'cat',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const number = args.includes('-n');
    const files = args.filter((a) => a === '-' || !a.startsWith('-'));
    if (files.length === 0 && ctx.stdinIsTerminal && ctx.terminal.readLine) return catTerminal(ctx, number);
    const { texts, status } = readInputs(ctx, 'cat', files);
    let line = 1;
    for (const { text } of texts) {
      if (!number) ctx.stdout.write(text);
      else ctx.stdout.write(text.replace(/^(.*)$/gm, (m, _c, offset: number) => (offset === text.length && m === '' ? '' : `${String(line++).padStart(6)}\t${m}`)));
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
