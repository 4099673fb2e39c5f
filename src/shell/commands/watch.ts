/**
 * watch [-n SECS] [-t] COMMAND: runs the command every SECS of virtual time and redraws the
 * screen with its output under procps-ng's header (`Every 2.0s: CMD` and, at the right edge,
 * `HOST: DATE`), on the alternate screen as curses does, until Ctrl-C restores the terminal.
 */
import type { Command } from '../command.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ALTERNATE_SCREEN = '\x1b[?1049h';
const NORMAL_SCREEN = '\x1b[?1049l';
const HOME_AND_CLEAR = '\x1b[H\x1b[2J';

/** `%a %b %e %H:%M:%S %Y`, the machines running in UTC. */
function ctimeOf(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export const watch: Command = {
  name: 'watch',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let seconds = 2;
    let title = true;
    let i = 0;
    for (; i < args.length && args[i]!.startsWith('-'); i++) {
      const a = args[i]!;
      const inline = /^(?:-n|--interval=)(.+)$/.exec(a);
      if (a === '-n' || a === '--interval' || inline) {
        const value = inline ? inline[1]! : args[++i];
        const n = Number(value?.replace(',', '.'));
        if (value === undefined || !Number.isFinite(n)) {
          ctx.stderr.write(`watch: failed to parse argument: '${value ?? ''}'\n`);
          return 1;
        }
        // Models watch.c: intervals under 0.1s are raised to 0.1s.
        seconds = Math.max(0.1, n);
      } else if (a === '-t' || a === '--no-title') title = false;
      else if (a === '--') {
        i++;
        break;
      }
    }
    const command = args.slice(i).join(' ');
    if (!command) {
      ctx.stderr.write('\nUsage:\n watch [options] command\n\nOptions:\n  -n, --interval <secs>  seconds to wait between updates\n  -t, --no-title         turn off header\n');
      return 1;
    }
    const hostname = ctx.env.get('HOSTNAME') ?? 'controlplane';
    // curses' noecho: what is typed while watch draws is not written over its screen.
    const keys = ctx.stdoutIsTerminal === true ? ctx.terminal.rawKeys?.() : undefined;
    keys?.onData(() => undefined);
    ctx.stdout.write(ALTERNATE_SCREEN);
    try {
      for (;;) {
        const size = ctx.terminal.size?.() ?? { columns: 80, rows: 24 };
        let output = '';
        const capture = { write: (t: string) => (output += t) };
        await ctx.runScript(command, { stdout: capture, stderr: capture, stdin: '' });
        let screen = HOME_AND_CLEAR;
        let room = size.rows;
        if (title) {
          const left = `Every ${seconds.toFixed(1)}s: ${command}`;
          const right = `${hostname}: ${ctimeOf(ctx.time.now())}`;
          const gap = size.columns - left.length - right.length;
          screen += `${gap >= 1 ? left + ' '.repeat(gap) + right : left.slice(0, size.columns)}\r\n\r\n`;
          room -= 2;
        }
        const lines = output.split('\n');
        if (lines.at(-1) === '') lines.pop();
        screen += lines
          .slice(0, room)
          .map((line) => line.slice(0, size.columns))
          .join('\r\n');
        ctx.stdout.write(screen);
        await ctx.time.sleep(seconds * 1000);
      }
    } catch (error) {
      // Ctrl-C: watch leaves curses and the screen it covered comes back.
      if (!ctx.interrupt.interrupted) throw error;
      ctx.stdout.write(NORMAL_SCREEN);
      return 0;
    } finally {
      keys?.release();
    }
  },
};
