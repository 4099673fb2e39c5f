import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from './command.ts';
import { MemoryFileSystem } from './fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from './shell.ts';
import { toolCommands } from './commands/index.ts';

/** A command with a bug: it throws what JavaScript throws on a null record. */
const broken: Command = {
  name: 'broken',
  run: () => {
    throw new TypeError("Cannot read properties of null (reading 'content')");
  },
};

/** A file system whose reads fail the way no file system does. */
class FaultyFileSystem extends MemoryFileSystem {
  override readFile(path: string): string {
    if (path === '/root/faulty') throw new RangeError('Invalid string length');
    return super.readFile(path);
  }
}

async function run(line: string) {
  const fs = new FaultyFileSystem();
  fs.mkdir('/root', { recursive: true });
  fs.writeFile('/root/faulty', 'x');
  const shell = new Shell({
    fs,
    registry: registryOf([...toolCommands(), broken]),
    env: { HOME: '/root' },
    time: { now: () => 0, sleep: async () => undefined },
    yieldToHost: () => Promise.resolve(),
  });
  let out = '';
  const sink = { write: (t: string) => (out += t) };
  const code = await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
  return { out, code };
}

describe('an internal fault reaches the learner as one neutral line', () => {
  afterEach(() => vi.restoreAllMocks());

  const cases: { name: string; line: string; out: string; code: number }[] = [
    { name: 'a command that throws', line: 'echo before; broken; echo after', out: 'before\nbash: internal error\n', code: 1 },
    { name: 'a command that throws in a pipeline', line: 'broken | cat', out: 'bash: internal error\n', code: 1 },
    { name: 'a read the file system fails unexpectedly', line: 'source /root/faulty', out: 'bash: /root/faulty: Input/output error\n', code: 1 },
  ];
  it.each(cases)('$name', async ({ line, out, code }) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await run(line)).toEqual({ out, code });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![1]).toBeInstanceOf(Error);
  });

  const refusals: { name: string; line: string; out: string; code: number }[] = [
    { name: 'a malformed test', line: '[ a -lt 1 ]; echo $?', out: 'bash: [: a: integer expression expected\n2\n', code: 0 },
    { name: 'a division by zero', line: 'echo $((1/0)); echo after', out: 'bash: 1/0: division by 0 (error token is "0")\n', code: 1 },
  ];
  it.each(refusals)('keeps the shell’s own words for $name', async ({ line, out, code }) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await run(line)).toEqual({ out, code });
    expect(logged).not.toHaveBeenCalled();
  });
});
