import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import type { Userland } from '../command.ts';
import { MemoryFileSystem } from '../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell.ts';
import { toolCommands } from '../commands/index.ts';
import type { ShellFlavour, ShellInput } from './shell-dialect.ts';

const SCRIPT = 'echo a\ncd /no\nnosuch\ncat < nofile\necho hi > /no/a\n';

function newShell(flavour: ShellFlavour, userland: Userland, input: ShellInput = 'terminal'): { shell: Shell; run: (line: string) => Promise<{ out: string; code: number }> } {
  const fs = new MemoryFileSystem();
  fs.mkdir('/tmp', { recursive: true });
  fs.writeFile('/tmp/s.sh', SCRIPT);
  const shell = new Shell({
    fs,
    registry: registryOf(toolCommands()),
    env: { HOME: '/root' },
    cwd: '/tmp',
    time: { now: () => 0, sleep: async () => undefined },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    builtins: flavour,
    userland,
    input,
  });
  const run = async (line: string) => {
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const code = await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
    return { out, code };
  };
  return { shell, run };
}

// Recorded with busybox 1.35 linked as `sh` (ash), dash 0.5.12 and bash 5.2, each running SCRIPT
// as `sh -c "$(cat s.sh)"`, `sh /tmp/s.sh` and `sh < /tmp/s.sh`.
describe('each shell words its own errors', () => {
  const cases: { name: string; userland: Userland; line: string; out: string; code: number }[] = [
    {
      name: 'ash, sh -c: builtins count lines from 0, other errors carry none',
      userland: 'busybox',
      line: 'sh -c "$(cat s.sh)"',
      out: "a\nsh: cd: line 1: can't cd to /no: No such file or directory\nsh: nosuch: not found\nsh: can't open nofile: no such file\nsh: can't create /no/a: nonexistent directory\n",
      code: 1,
    },
    {
      name: 'ash, a script file: every error carries its line',
      userland: 'busybox',
      line: 'sh /tmp/s.sh',
      out: "a\n/tmp/s.sh: cd: line 2: can't cd to /no: No such file or directory\n/tmp/s.sh: line 3: nosuch: not found\n/tmp/s.sh: line 4: can't open nofile: no such file\n/tmp/s.sh: line 5: can't create /no/a: nonexistent directory\n",
      code: 1,
    },
    {
      name: 'ash, commands on stdin: builtins count lines from 1',
      userland: 'busybox',
      line: 'sh < /tmp/s.sh',
      out: "a\nsh: cd: line 2: can't cd to /no: No such file or directory\nsh: nosuch: not found\nsh: can't open nofile: no such file\nsh: can't create /no/a: nonexistent directory\n",
      code: 1,
    },
    {
      name: 'dash, sh -c',
      userland: 'gnu',
      line: 'sh -c "$(cat s.sh)"',
      out: "a\nsh: 2: cd: can't cd to /no\nsh: 3: nosuch: not found\nsh: 4: cannot open nofile: No such file\nsh: 5: cannot create /no/a: Directory nonexistent\n",
      code: 2,
    },
    {
      name: 'dash, a script file',
      userland: 'gnu',
      line: 'sh /tmp/s.sh',
      out: "a\n/tmp/s.sh: 2: cd: can't cd to /no\n/tmp/s.sh: 3: nosuch: not found\n/tmp/s.sh: 4: cannot open nofile: No such file\n/tmp/s.sh: 5: cannot create /no/a: Directory nonexistent\n",
      code: 2,
    },
    {
      name: 'bash -c: no line numbers',
      userland: 'gnu',
      line: 'bash -c "$(cat s.sh)"',
      out: 'a\nbash: cd: /no: No such file or directory\nbash: nosuch: command not found\nbash: nofile: No such file or directory\nbash: /no/a: No such file or directory\n',
      code: 1,
    },
    {
      name: 'bash, a script file: `line N` before the builtin',
      userland: 'gnu',
      line: 'bash /tmp/s.sh',
      out: 'a\n/tmp/s.sh: line 2: cd: /no: No such file or directory\n/tmp/s.sh: line 3: nosuch: command not found\n/tmp/s.sh: line 4: nofile: No such file or directory\n/tmp/s.sh: line 5: /no/a: No such file or directory\n',
      code: 1,
    },
    { name: 'ash, exit with a word', userland: 'busybox', line: "sh -c 'exit abc'", out: 'sh: exit: line 0: Illegal number: abc\n', code: 2 },
    { name: 'dash, exit with a word', userland: 'gnu', line: "sh -c 'exit abc'", out: 'sh: 1: exit: Illegal number: abc\n', code: 2 },
    { name: 'ash, a missing path run as a command', userland: 'busybox', line: "sh -c '/no/x'", out: 'sh: /no/x: not found\n', code: 127 },
    { name: 'dash, a missing path run as a command', userland: 'gnu', line: "sh -c '/no/x'", out: 'sh: 1: /no/x: not found\n', code: 127 },
    { name: 'ash, a script that is not there', userland: 'busybox', line: 'sh /tmp/nofile', out: "sh: can't open '/tmp/nofile': No such file or directory\n", code: 2 },
    { name: 'dash, a script that is not there', userland: 'gnu', line: 'sh /tmp/nofile', out: 'sh: 0: cannot open /tmp/nofile: No such file\n', code: 2 },
    { name: 'bash, a script that is not there', userland: 'gnu', line: 'bash /tmp/nofile', out: 'bash: /tmp/nofile: No such file or directory\n', code: 127 },
  ];
  it.each(cases)('$name', async ({ userland, line, out, code }) => {
    const { run } = newShell(userland === 'busybox' ? 'busybox' : 'bash', userland);
    expect(await run(line)).toEqual({ out, code });
  });

  it('at a prompt ash numbers nothing, and dash numbers each line read since it started', async () => {
    const lines = SCRIPT.trimEnd().split('\n');
    const transcript = async (flavour: ShellFlavour, userland: Userland) => {
      const { run } = newShell(flavour, userland);
      let out = '';
      for (const line of lines) out += (await run(line)).out;
      return out;
    };
    expect(await transcript('busybox', 'busybox')).toBe(
      "a\nsh: cd: can't cd to /no: No such file or directory\nsh: nosuch: not found\nsh: can't open nofile: no such file\nsh: can't create /no/a: nonexistent directory\n",
    );
    expect(await transcript('dash', 'gnu')).toBe(
      "a\nsh: 2: cd: can't cd to /no\nsh: 3: nosuch: not found\nsh: 4: cannot open nofile: No such file\nsh: 5: cannot create /no/a: Directory nonexistent\n",
    );
  });
});
