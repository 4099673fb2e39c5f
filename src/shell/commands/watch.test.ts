import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { newSession, runLineThenInterrupt } from '../../../tests/support/session.ts';
import { MemoryFileSystem } from '../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell.ts';
import { toolCommands } from './index.ts';

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

describe('watch at a terminal', () => {
  it('takes the keys while it draws (curses noecho) and gives them back on Ctrl-C', async () => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/root', { recursive: true });
    const interrupt = createInterrupt();
    let held = false;
    const shell = new Shell({
      fs,
      registry: registryOf(toolCommands()),
      env: { HOME: '/root' },
      time: {
        now: () => 0,
        sleep: (_ms, cancel) => new Promise((_resolve, reject) => cancel?.onInterrupt(() => reject(Object.assign(new Error('interrupted'), { name: 'InterruptedError' })))),
      },
      yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
      terminal: {
        size: () => ({ columns: 80, rows: 24 }),
        rawKeys: () => {
          held = true;
          return { onData: () => () => undefined, release: () => (held = false) };
        },
      },
    });
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const running = shell.run('watch -t echo hi', { stdout: sink, stderr: sink, interrupt, interactive: true });
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    const whileRunning = held;
    interrupt.fire();
    const code = await running;
    expect({ whileRunning, held, code, out }).toEqual({ whileRunning: true, held: false, code: 0, out: `\x1b[?1049h${CLEAR}hi\x1b[?1049l` });
  });
});
