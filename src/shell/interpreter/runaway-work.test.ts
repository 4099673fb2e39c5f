import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import type { Command } from '../command.ts';
import { MemoryFileSystem } from '../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell.ts';
import { toolCommands } from '../commands/index.ts';

/** Prints its argument count, so a test sees whether it ran at all. */
const countArgs: Command = {
  name: 'count-args',
  run: async (ctx) => {
    ctx.stdout.write(`${ctx.argv.length - 1}\n`);
    return 0;
  },
};

function newShell() {
  const fs = new MemoryFileSystem();
  fs.mkdir('/root', { recursive: true });
  let now = 0;
  let yields = 0;
  const shell = new Shell({
    fs,
    registry: registryOf([...toolCommands(), countArgs]),
    env: {},
    time: { now: () => now, sleep: async (ms) => void (now += ms) },
    yieldToHost: () => new Promise((resolve) => setImmediate(() => resolve(void yields++))),
  });
  const run = async (line: string) => {
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const code = await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
    return { out, code };
  };
  return { run, fs, yields: () => yields };
}

const zeros = (n: number) => `$(printf "%0${n}d" 0)`;

describe('work a real shell refuses', () => {
  // Each answer is bash 5.2's: its own words, the status it leaves, and the rest of the line dropped
  // where bash jumps to the top level.
  const cases: { name: string; line: string; out: string; code: number }[] = [
    {
      name: 'a brace expansion of ten billion words',
      line: 'echo {1..100000}{1..100000}; echo after',
      out: 'bash: brace expansion: cannot allocate memory for {1..100000}{1..100000}\n',
      code: 1,
    },
    {
      name: 'a pair of braces repeated 22 times',
      line: `echo ${'{a,b}'.repeat(22)}`,
      out: `bash: brace expansion: cannot allocate memory for ${'{a,b}'.repeat(22)}\n`,
      code: 1,
    },
    { name: 'a sequence too long to hold', line: 'echo {1..5000000}', out: 'bash: brace expansion: failed to allocate memory for 5000000 elements\n', code: 1 },
    { name: 'a function that calls itself', line: 'f(){ f; }; f; echo after', out: 'bash: f: maximum function nesting level exceeded (1000)\n', code: 1 },
    // Each level's pipe held a whole output before pipes shared one limit: 1.5 GB of heap, then a crash.
    { name: 'a function that pipes into itself', line: 'echo hi | f(){ base64 | f; }; f; echo after', out: 'bash: f: maximum function nesting level exceeded (1000)\n', code: 1 },
    { name: 'eval of itself', line: `x='eval "$x"'; eval "$x"; echo after`, out: 'bash: eval: maximum eval nesting level exceeded (1000)\n', code: 1 },
    {
      name: 'a file that sources itself',
      line: 'echo "source /root/self" > /root/self; source /root/self; echo after',
      out: 'bash: /root/self: maximum source nesting level exceeded (1000)\n',
      code: 1,
    },
    { name: 'one argument past MAX_ARG_STRLEN', line: `count-args ${zeros(131072)}`, out: 'bash: /usr/bin/count-args: Argument list too long\n', code: 126 },
    { name: 'one argument just within MAX_ARG_STRLEN', line: `count-args ${zeros(131071)}`, out: '1\n', code: 0 },
    { name: 'arguments past ARG_MAX together', line: `x=${zeros(65536)}; count-args ${'$x '.repeat(32)}`, out: 'bash: /usr/bin/count-args: Argument list too long\n', code: 126 },
    { name: 'arguments just within ARG_MAX', line: `x=${zeros(65536)}; count-args ${'$x '.repeat(31)}`, out: '31\n', code: 0 },
    { name: 'a builtin takes any length', line: `x=${zeros(3_000_000)}; echo \${#x}`, out: '3000000\n', code: 0 },
    { name: 'braces that expand after one that does not', line: 'echo x{b}{c,d} {x}{a,b} a{1..3}b{,c}', out: 'x{b}c x{b}d {x}a {x}b a1b a1bc a2b a2bc a3b a3bc\n', code: 0 },
  ];
  for (const { name, line, out, code } of cases) {
    it(name, async () => {
      const { run } = newShell();
      expect(await run(line)).toEqual({ out, code });
    });
  }

  it('takes the next command line after a dropped one', async () => {
    const { run } = newShell();
    await run('f(){ f; }; f');
    expect(await run('echo $?; echo next')).toEqual({ out: '1\nnext\n', code: 0 });
  });

  it('yields to the host while it expands a large brace word', async () => {
    const { run, yields } = newShell();
    expect(await run('echo {1..200000} | wc -w')).toEqual({ out: '200000\n', code: 0 });
    expect(yields()).toBeGreaterThan(10);
  });

  // FUZZ_SEED=20261374: a variable grown to megabytes by `x=$(yes "$x")`, split unquoted into
  // millions of words, kept the host from its turn for minutes.
  it('yields to the host while it splits a large unquoted expansion into words', async () => {
    const { run, yields } = newShell();
    await run(`x=${zeros(200_000)}; x="\${x//0/0 }"`);
    const before = yields();
    expect(await run('set -- $x; echo $#')).toEqual({ out: '200000\n', code: 0 });
    expect(yields() - before).toBeGreaterThan(10);
  });

  // FUZZ_SEED=20261376: `base64` of a 16 MB file ran seconds in one pass, in a loop for minutes.
  it('yields to the host while base64 encodes and decodes megabytes', async () => {
    const { run, yields } = newShell();
    await run(`x=${zeros(3_000_000)}; echo "$x" > /root/big`);
    const before = yields();
    expect(await run('base64 /root/big | base64 -d | wc -c')).toEqual({ out: '3000001\n', code: 0 });
    expect(yields() - before).toBeGreaterThan(20);
  });

  // FUZZ_SEED=8102: each fork counted its steps from zero, so a chain of short-lived children
  // ran 128 deep and back, over and over, without one yield where Ctrl-C could land.
  it('yields to the host while subshells that live a few steps fork one another', async () => {
    const interrupt = createInterrupt();
    let now = 0;
    const shell = new Shell({
      fs: new MemoryFileSystem(),
      registry: registryOf(toolCommands()),
      env: {},
      time: { now: () => now, sleep: async (ms) => void (now += ms) },
      yieldToHost: () => new Promise((resolve) => setImmediate(() => resolve(interrupt.fire()))),
    });
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const code = await shell.run('f(){ (f); }; f; echo after', { stdout: sink, stderr: sink, interrupt });
    expect({ out, code }).toEqual({ out: '', code: 130 });
  });

  it('takes a command line of any length, as bash has no line limit', async () => {
    const { run } = newShell();
    const word = 'a'.repeat(2_000_000);
    expect(await run(`x=${word}; echo \${#x}`)).toEqual({ out: '2000000\n', code: 0 });
  });
});
