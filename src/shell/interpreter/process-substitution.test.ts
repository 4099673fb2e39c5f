import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { MemoryFileSystem } from '../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell.ts';
import { toolCommands } from '../commands/index.ts';

// Expected texts are GNU bash 5.2's.
describe('process substitution', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'a word of its own and inside a word', line: 'echo <(true) a<(true)', out: '/dev/fd/63 a/dev/fd/62\n' },
    { name: 'reads two outputs', line: 'cat <(echo a) <(echo b)', out: 'a\nb\n' },
    { name: 'sources a generated script', line: 'source <(echo "f() { echo hi; }"); f', out: 'hi\n' },
    { name: 'feeds a writer', line: 'echo x > >(tr x y)', out: 'y\n' },
    { name: 'keeps the status of the command', line: 'cat <(false); echo $?', out: '0\n' },
    { name: 'leaves no file behind', line: 'cat <(echo a) >/dev/null; ls /dev/fd', out: '' },
    { name: 'a lone < before a parenthesis is still a syntax error', line: 'cat < (echo a)', out: "bash: syntax error near unexpected token `('\n", code: 2 },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/root', { recursive: true });
    fs.mkdir('/dev', { recursive: true });
    fs.writeFile('/dev/null', '');
    let now = 0;
    const shell = new Shell({
      fs,
      registry: registryOf(toolCommands()),
      env: { HOME: '/root' },
      time: { now: () => now, sleep: async (ms) => void (now += ms) },
      yieldToHost: () => new Promise((r) => setImmediate(r)),
    });
    let text = '';
    const sink = { write: (t: string) => (text += t) };
    const status = await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
    expect({ text, status }).toEqual({ text: out, status: code });
  });
});
