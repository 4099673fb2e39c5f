import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { MemoryFileSystem } from '../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell.ts';
import { toolCommands } from './index.ts';
import { Screen } from './testing/screen.ts';
import recorded from './testdata/pagers-real.json';

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A shell at a 40x10 terminal that hands its keys to full-screen programs, as the page's does. */
function terminalShell(files: Record<string, string>, editFile?: (fs: MemoryFileSystem, path: string, keys?: string) => void) {
  const fs = new MemoryFileSystem();
  fs.mkdir('/root', { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFile(`/root/${name}`, text);
  const listeners = new Set<(data: string) => void>();
  let ctrlC: (() => void) | undefined;
  let held = false;
  const shell = new Shell({
    fs,
    registry: registryOf(toolCommands()),
    env: { HOME: '/root' },
    cwd: '/root',
    time: { now: () => 0, sleep: async () => undefined },
    yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
    terminal: {
      size: () => ({ columns: recorded.columns, rows: recorded.rows }),
      rawKeys: () => {
        held = true;
        return {
          onData: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          release: () => {
            held = false;
            listeners.clear();
          },
        };
      },
      ...(editFile ? { editFile: async (path: string, keys?: string) => editFile(fs, path, keys) } : {}),
      trapCtrlC: (onCtrlC) => {
        ctrlC = onCtrlC;
        return () => (ctrlC = undefined);
      },
    },
  });
  return {
    shell,
    press: (data: string) => {
      if (data === '\x03' && ctrlC) ctrlC();
      else for (const listener of [...listeners]) listener(data);
    },
    get held() {
      return held;
    },
  };
}

// Each step's screen drawn by the real less 590 / util-linux more (testdata, recorded in a pty)
// against ours after the same keys.
describe('less and more at a terminal', () => {
  it.each(recorded.cases)('$name', async ({ line, files, keys, steps }) => {
    const terminal = terminalShell(files);
    let ours = '';
    const sink = { write: (text: string) => (ours += text) };
    let done = false;
    const running = terminal.shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt(), interactive: true }).finally(() => (done = true));
    await turns(20);
    const real = new Screen(recorded.columns, recorded.rows);
    const mine = new Screen(recorded.columns, recorded.rows);
    let seen = 0;
    const screens: { step: string; real: string[]; ours: string[] }[] = [];
    for (let i = 0; i < steps.length; i++) {
      real.write(steps[i]!);
      mine.write(ours.slice(seen));
      seen = ours.length;
      screens.push({ step: i === 0 ? 'start' : JSON.stringify(keys[i - 1]), real: real.rows(), ours: mine.rows() });
      if (i < keys.length) {
        terminal.press(keys[i]!);
        await turns(20);
      }
    }
    expect(screens.map(({ step, ours }) => ({ step, screen: ours }))).toEqual(screens.map(({ step, real }) => ({ step, screen: real })));
    expect({ done, held: terminal.held, code: await running }).toEqual({ done: true, held: false, code: 0 });
  });

  // less 590 and util-linux more in a pty: less ends 1 when it opened nothing, more 0.
  it.each([
    { line: 'less nofile', code: 1, out: 'nofile: No such file or directory\n' },
    { line: 'more nofile', code: 0, out: 'more: cannot open nofile: No such file or directory\n' },
  ])('$line at a terminal', async ({ line, code, out }) => {
    const terminal = terminalShell({});
    let text = '';
    const sink = { write: (t: string) => (text += t) };
    const status = await terminal.shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt(), interactive: true });
    expect({ text, status, held: terminal.held }).toEqual({ text: out, status: code, held: false });
  });

  // Models less's command.c A_VISUAL: the file opens in $VISUAL (else $EDITOR, else vi) and is read again.
  it.each([
    { name: 'less v opens vi on the file and shows it edited', env: '', keys: 'vim' },
    { name: 'less v opens $VISUAL nano with nano keys', env: 'VISUAL=nano ', keys: 'nano' },
  ])('$name', async ({ env, keys }) => {
    const edits: string[] = [];
    const terminal = terminalShell({ 'notes.txt': 'before\n' }, (fs, path, editorKeys) => {
      edits.push(`${path} ${editorKeys}`);
      fs.writeFile(path, 'after\n');
    });
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const running = terminal.shell.run(`${env}less notes.txt`, { stdout: sink, stderr: sink, interrupt: createInterrupt(), interactive: true });
    await turns(20);
    terminal.press('v');
    await turns(20);
    const screen = new Screen(recorded.columns, recorded.rows);
    screen.write(out);
    terminal.press('q');
    expect({ edits, top: screen.rows()[0], code: await running }).toEqual({ edits: [`/root/notes.txt ${keys}`], top: 'after', code: 0 });
  });
});
