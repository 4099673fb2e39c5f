/**
 * timeout DURATION COMMAND [ARG]...: runs the command and stops it once DURATION (s, m, h, d) of
 * virtual time has passed, exiting 124 as GNU timeout does; 125 for its own usage errors.
 */
import type { Command } from '../command.ts';
import { createInterrupt } from '../interrupt.ts';

const TRY = "Try 'timeout --help' for more information.\n";
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export const timeout: Command = {
  name: 'timeout',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let i = 0;
    // -s SIGNAL, -k DURATION, --preserve-status, --foreground: accepted; the command is stopped either way.
    while (i < args.length && args[i]!.startsWith('-') && args[i] !== '-') i += args[i] === '-s' || args[i] === '-k' ? 2 : 1;
    const [duration, ...command] = args.slice(i);
    if (duration === undefined || command.length === 0) {
      ctx.stderr.write(TRY);
      return 125;
    }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(duration);
    if (!m) {
      ctx.stderr.write(`timeout: invalid time interval '${duration}'\n${TRY}`);
      return 125;
    }
    const ms = Number(m[1]) * UNIT_MS[m[2]!]!;
    const deadline = createInterrupt();
    const finished = createInterrupt();
    let timedOut = false;
    if (ms > 0)
      void ctx.time.sleep(ms, finished).then(
        () => {
          timedOut = true;
          deadline.fire();
        },
        () => undefined,
      );
    try {
      const status = await ctx.runScript(command.map(quote).join(' '), { interrupt: deadline });
      return timedOut ? 124 : status;
    } catch (error) {
      if (timedOut) return 124;
      throw error;
    } finally {
      finished.fire();
    }
  },
};
