/** sleep in virtual time: `5`, `0.5`, `5s`, `2m`, `1h`, several arguments add up. */
import type { Command } from '../command.ts';
import { invalidNumber } from './userland.ts';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const sleep: Command = {
  name: 'sleep',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let total = 0;
    for (const arg of args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
      if (!m) {
        ctx.stderr.write(`${invalidNumber(ctx.userland, 'sleep', arg)}\n`);
        return 1;
      }
      total += Number(m[1]) * UNIT_MS[m[2]!]!;
    }
    await ctx.time.sleep(total);
    return 0;
  },
};
