import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { MemoryFileSystem } from './fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from './shell.ts';
import { toolCommands } from './commands/index.ts';

async function typeLines(lines: string[], interactive = true): Promise<string> {
  const fs = new MemoryFileSystem();
  fs.mkdir('/root', { recursive: true });
  const shell = new Shell({
    fs,
    registry: registryOf(toolCommands()),
    env: { HOME: '/root' },
    time: { now: () => 0, sleep: async () => {} },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  let text = '';
  const sink = { write: (t: string) => (text += t) };
  for (const line of lines) await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt(), interactive });
  return text;
}

// Expected texts from bash 5.2 with `set -o history -H` (stdout and stderr together).
describe('history expansion', () => {
  const cases: { name: string; lines: string[]; out: string }[] = [
    { name: '!! repeats the last line', lines: ['echo one two three', '!!'], out: 'one two three\necho one two three\none two three\n' },
    { name: '!$ is its last word', lines: ['echo one two three', 'echo !$'], out: 'one two three\necho three\nthree\n' },
    { name: '!-2 counts back', lines: ['echo a b', 'echo c', '!-2'], out: 'a b\nc\necho a b\na b\n' },
    { name: '!prefix finds the latest match', lines: ['echo a b', 'true', '!ech'], out: 'a b\necho a b\na b\n' },
    { name: '!n is the nth line', lines: ['echo a', 'echo b', '!1'], out: 'a\nb\necho a\na\n' },
    { name: '^old^new substitutes', lines: ['echo one', '^one^ONE'], out: 'one\necho ONE\nONE\n' },
    { name: 'a failed substitution', lines: ['echo one', '^zzz^y'], out: 'one\nbash: :s^zzz^y: substitution failed\n' },
    { name: 'an unknown event', lines: ['true', '!nope'], out: 'bash: !nope: event not found\n' },
    { name: 'a word by number', lines: ['echo a b c', 'echo !!:2'], out: 'a b c\necho b\nb\n' },
    { name: 'a word past the end', lines: ['echo a b', '!!:5'], out: 'a b\nbash: :5: bad word specifier\n' },
    { name: '!* is every argument', lines: ['echo a b c', 'echo !*'], out: 'a b c\necho a b c\na b c\n' },
    { name: 'double quotes expand, single quotes and backslashes do not', lines: ['echo one', `echo "!!" '!!' \\!\\!`], out: `one\necho "echo one" '!!' \\!\\!\necho one !! !!\n` },
    { name: 'a ! at the end or before = stays', lines: ['echo a!', 'echo x = !='], out: 'a!\nx = !=\n' },
    { name: ':p prints without running', lines: ['echo one', '!!:p'], out: 'one\necho one\n' },
    { name: '!?text? finds a line containing it', lines: ['echo hello world', '!?wor?'], out: 'hello world\necho hello world\nhello world\n' },
  ];
  it.each(cases)('$name', async ({ lines, out }) => {
    expect(await typeLines(lines)).toBe(out);
  });

  it('is off in scripts', async () => {
    expect(await typeLines(['echo one', 'echo !!'], false)).toBe('one\n!!\n');
  });
});
