import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { MemoryFileSystem } from './fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from './shell.ts';
import { toolCommands } from './commands/index.ts';

describe('the terminal size', () => {
  const cases: { name: string; interactive: boolean; out: string }[] = [
    // bash 5 keeps COLUMNS and LINES current at the prompt (checkwinsize).
    { name: 'at the prompt', interactive: true, out: '100x30\n' },
    { name: 'in a script', interactive: false, out: 'x\n' },
  ];
  it.each(cases)('$name', async ({ interactive, out }) => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/root', { recursive: true });
    const shell = new Shell({
      fs,
      registry: registryOf(toolCommands()),
      env: { HOME: '/root' },
      time: { now: () => 0, sleep: async () => {} },
      yieldToHost: () => new Promise((r) => setImmediate(r)),
      terminal: { size: () => ({ columns: 100, rows: 30 }) },
    });
    let text = '';
    const sink = { write: (t: string) => (text += t) };
    await shell.run('echo ${COLUMNS}x$LINES', { stdout: sink, stderr: sink, interrupt: createInterrupt(), interactive });
    expect(text).toBe(out);
  });
});
