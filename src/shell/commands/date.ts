/** date in virtual time, GNU's default format in UTC: `Sun Nov 22 22:09:12 UTC 2026`. */
import type { Command } from '../command.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const date: Command = {
  name: 'date',
  async run(ctx) {
    const d = new Date(ctx.time.now());
    const pad = (n: number) => String(n).padStart(2, '0');
    const format = ctx.argv[1]?.startsWith('+') ? ctx.argv[1].slice(1) : undefined;
    if (format) {
      const out = format.replace(/%([YmdHMSsaAbBeTFjz%])/g, (_, c: string) => {
        switch (c) {
          case 'Y':
            return String(d.getUTCFullYear());
          case 'm':
            return pad(d.getUTCMonth() + 1);
          case 'd':
            return pad(d.getUTCDate());
          case 'e':
            return String(d.getUTCDate()).padStart(2);
          case 'H':
            return pad(d.getUTCHours());
          case 'M':
            return pad(d.getUTCMinutes());
          case 'S':
            return pad(d.getUTCSeconds());
          case 's':
            return String(Math.floor(d.getTime() / 1000));
          case 'a':
            return DAYS[d.getUTCDay()]!;
          case 'b':
            return MONTHS[d.getUTCMonth()]!;
          case 'T':
            return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
          case 'F':
            return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
          case 'z':
            return '+0000';
          case '%':
            return '%';
          default:
            return c;
        }
      });
      ctx.stdout.write(`${out}\n`);
      return 0;
    }
    ctx.stdout.write(
      `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}\n`,
    );
    return 0;
  },
};
