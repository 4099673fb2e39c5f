/** yes: repeats its words until interrupted; bounded so a pipeline without a reader still ends. */
import type { Command } from '../command.ts';

// The shell buffers pipelines, so an endless writer would never let `yes | head` finish.
const MAX_LINES = 10_000;

export const yes: Command = {
  name: 'yes',
  async run(ctx) {
    const line = `${ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y'}\n`;
    for (let n = 0; n < MAX_LINES; n++) {
      if (n % 500 === 0) await ctx.checkpoint();
      ctx.stdout.write(line);
    }
    return 0;
  },
};
