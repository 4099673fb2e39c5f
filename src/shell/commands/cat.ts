import type { Command } from '../command.ts';
import { readInputs } from './read-inputs.ts';

export const cat: Command = {
  name: 'cat',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const number = args.includes('-n');
    const { texts, status } = readInputs(ctx, 'cat', args.filter((a) => a === '-' || !a.startsWith('-')));
    let line = 1;
    for (const { text } of texts) {
      if (!number) ctx.stdout.write(text);
      else ctx.stdout.write(text.replace(/^(.*)$/gm, (m, _c, offset: number) => (offset === text.length && m === '' ? '' : `${String(line++).padStart(6)}\t${m}`)));
    }
    return status;
  },
};
