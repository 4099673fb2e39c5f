import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { MemoryFileSystem } from '../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell.ts';

// Expected texts are GNU bash 5.2's (at the prompt).
const USAGE =
  'complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]\n';
describe('complete', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'no specification yet', line: 'complete -p k', out: 'bash: complete: k: no completion specification\n', code: 1 },
    { name: 'a function for a name', line: 'complete -F __start_kubectl k; complete -p k', out: 'complete -F __start_kubectl k\n' },
    {
      name: 'lists every name, options first',
      line: 'complete -F __start_kubectl k; complete -o default -F f kubectl; complete -p',
      out: 'complete -o default -F f kubectl\ncomplete -F __start_kubectl k\n',
    },
    { name: 'removes a name', line: 'complete -F f k; complete -r k; complete -p k', out: 'bash: complete: k: no completion specification\n', code: 1 },
    { name: 'an option without its argument', line: 'complete -F', out: `bash: complete: -F: option requires an argument\n${USAGE}`, code: 2 },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/root', { recursive: true });
    const shell = new Shell({
      fs,
      registry: registryOf([]),
      env: { HOME: '/root' },
      time: { now: () => 0, sleep: async () => {} },
      yieldToHost: () => new Promise((r) => setImmediate(r)),
    });
    let text = '';
    const sink = { write: (t: string) => (text += t) };
    const status = await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
    expect({ text, status }).toEqual({ text: out, status: code });
  });
});
