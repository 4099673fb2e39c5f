import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import type { Command } from './command.ts';
import { MemoryFileSystem } from './fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from './shell.ts';
import { toolCommands } from './commands/index.ts';

function newShell(extra: Command[] = []) {
  const fs = new MemoryFileSystem();
  fs.mkdir('/root', { recursive: true });
  let now = 0;
  const shell = new Shell({
    fs,
    registry: registryOf([...toolCommands(), ...extra]),
    env: { HOME: '/root' },
    time: { now: () => now, sleep: async (ms) => void (now += ms) },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  const run = async (line: string) => {
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const code = await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
    return { out, code };
  };
  return { shell, fs, run };
}

describe('Shell', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'echoes words', line: 'echo hello   world', out: 'hello world\n' },
    { name: 'keeps quoted spaces', line: 'echo "a   b"', out: 'a   b\n' },
    { name: 'expands variables', line: 'X=5; echo "x=$X" ${X}', out: 'x=5 5\n' },
    { name: 'expands braces', line: 'echo {1..5}', out: '1 2 3 4 5\n' },
    { name: 'runs a for loop', line: 'for i in {1..3}; do echo $i; done', out: '1\n2\n3\n' },
    { name: 'substitutes backticks', line: 'test=`echo hi` && echo "$test OK" || echo Failed', out: 'hi OK\n' },
    { name: 'substitutes $( )', line: 'echo $(echo a; echo b)', out: 'a b\n' },
    { name: 'pipes', line: 'printf "b\\na\\n" | sort', out: 'a\nb\n' },
    { name: 'reports unknown commands', line: 'foo', out: 'bash: foo: command not found\n', code: 127 },
    { name: 'reports syntax errors', line: 'fi', out: "bash: syntax error near unexpected token `fi'\n", code: 2 },
    { name: 'does arithmetic', line: 'echo $((3*4+1))', out: '13\n' },
    { name: 'runs if/else', line: 'if [ 1 -eq 2 ]; then echo yes; else echo no; fi', out: 'no\n' },
    { name: 'reads a here-document', line: 'cat <<EOF\nhello $HOME\nEOF', out: 'hello /root\n' },
    { name: 'keeps a quoted here-document literal', line: "cat <<'EOF'\nhello $HOME\nEOF", out: 'hello $HOME\n' },
    { name: 'expands the k alias', line: 'alias k', out: "alias k='kubectl'\n" },
    { name: 'reports a missing file', line: 'cat nope', out: 'cat: nope: No such file or directory\n', code: 1 },
    // bash 5.2: the null device reads as empty input.
    { name: 'reads nothing from /dev/null', line: 'wc -c < /dev/null', out: '0\n' },
    { name: 'ends read at /dev/null', line: 'read x < /dev/null; echo $?', out: '1\n' },
  ];
  it.each(cases)('$name', async ({ line, out, code }) => {
    const { run } = newShell();
    const result = await run(line);
    expect(result.out).toBe(out);
    expect(result.code).toBe(code ?? 0);
  });

  it('writes and appends files with redirections', async () => {
    const { run, fs } = newShell();
    await run('echo one > f.txt; echo two >> f.txt');
    expect(fs.readFile('/root/f.txt')).toBe('one\ntwo\n');
  });

  // bash 5.2: `printf %s\\n x >> .` in /root.
  it('refuses to append to a directory', async () => {
    const { run } = newShell();
    expect(await run('printf %s\\n x >> .; echo $?')).toEqual({ out: 'bash: .: Is a directory\n1\n', code: 0 });
  });

  it('runs an executable script and refuses one without the x bit', async () => {
    const { run, fs } = newShell();
    fs.writeFile('/root/s.sh', 'echo from script $1\n', { mode: 0o644 });
    expect(await run('./s.sh')).toEqual({ out: 'bash: ./s.sh: Permission denied\n', code: 126 });
    fs.chmod('/root/s.sh', 0o755);
    expect(await run('./s.sh x')).toEqual({ out: 'from script x\n', code: 0 });
  });

  it('passes a here-document to a program on stdin', async () => {
    const seen: string[] = [];
    const fake: Command = { name: 'kubectl', run: async (ctx) => (seen.push(`${ctx.argv.join(' ')}|${ctx.stdin}`), 0) };
    const { run } = newShell([fake]);
    await run('cat <<EOF | k apply -f -\nkind: Pod\nEOF');
    expect(seen).toEqual(['kubectl apply -f -|kind: Pod\n']);
  });

  it('knows when input is incomplete', () => {
    const { shell } = newShell();
    expect(shell.needsMoreInput('echo "abc')).toBe(true);
    expect(shell.needsMoreInput('for i in 1 2; do')).toBe(true);
    expect(shell.needsMoreInput('cat <<EOF')).toBe(true);
    expect(shell.needsMoreInput('echo a |')).toBe(true);
    expect(shell.needsMoreInput('echo ok')).toBe(false);
  });

  it('stops an endless loop on Ctrl-C', async () => {
    const { shell } = newShell();
    const interrupt = createInterrupt();
    const sink = { write: () => undefined };
    const running = shell.run('while true; do :; done', { stdout: sink, stderr: sink, interrupt });
    await new Promise((r) => setImmediate(r));
    interrupt.fire();
    expect(await running).toBe(130);
  });
});
