import { describe, expect, it } from 'vitest';
import { newSession, runLineThenInterrupt } from '../../../tests/support/session.ts';

const CLEAR = '\x1b[H\x1b[2J';

// procps-ng 4 watch on an 80x24 terminal: the header's date is the virtual clock's.
describe('watch', async () => {
  const session = await newSession();
  const start = session.cluster.clock.now();
  const stamp = (ms: number) => {
    const d = new Date(ms);
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const t = d.toISOString().slice(11, 19);
    return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${t} ${d.getUTCFullYear()}`;
  };
  const header = (ms: number, left: string) => {
    const right = `controlplane: ${stamp(ms)}`;
    return `${left}${' '.repeat(80 - left.length - right.length)}${right}\r\n\r\n`;
  };
  it('redraws every interval until Ctrl-C, then restores the screen', async () => {
    const { stdout, code } = await runLineThenInterrupt(session, 'watch -n 1 echo hi', 2500);
    const frames = [0, 1000, 2000].map((offset) => `${CLEAR}${header(start + offset, 'Every 1.0s: echo hi')}hi`);
    expect({ stdout, code }).toEqual({ stdout: `\x1b[?1049h${frames.join('')}\x1b[?1049l`, code: 0 });
  });
  it('-t leaves out the header', async () => {
    const { stdout } = await runLineThenInterrupt(session, 'watch -t -n 5 echo a b', 1000);
    expect(stdout).toBe(`\x1b[?1049h${CLEAR}a b\x1b[?1049l`);
  });
});
