import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import type { Userland } from '../command.ts';
import { MemoryFileSystem } from '../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../shell.ts';
import { toolCommands } from '../commands/index.ts';
import type { ShellFlavour, ShellInput } from './shell-dialect.ts';

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

function newShell(flavour: ShellFlavour, userland: Userland, input: ShellInput, env: Record<string, string> = {}, script?: string): Shell {
  const fs = new MemoryFileSystem();
  if (script !== undefined) {
    fs.mkdir('/tmp', { recursive: true });
    fs.writeFile('/tmp/s.sh', script);
  }
  return new Shell({
    fs,
    registry: registryOf(toolCommands()),
    env: { HOME: '/root', ...env },
    cwd: '/',
    time: { now: () => 0, sleep: async () => undefined },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    builtins: flavour,
    userland,
    input,
  });
}

async function run(shell: Shell, line: string): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await shell.run(line, { stdout: { write: (t) => (stdout += t) }, stderr: { write: (t) => (stderr += t) }, interrupt: createInterrupt() });
  return { stdout, stderr, code };
}

// Pasted from the real shells: `sh -c "$SOURCE"` with dash 0.5.12 started as sh, busybox 1.35
// `sh -c`, and bash 5.2 `bash -c`.
const SH_C: { source: string; dash: Outcome; busybox: Outcome; bash: Outcome }[] = [
  {
    source: 'if true; then echo hi',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting "fi")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting "fi")\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'for i in 1 2; do echo $i',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting "done")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting "done")\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'while true; do echo x',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting "done")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting "done")\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'case a in a) echo a;;',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting ")")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting ")")\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'case a in a) echo a',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting ";;")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting ";;")\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'if [ -f /x ] then echo y fi',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting "then")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting "then")\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'then echo x',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "then" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "then"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `then'\nbash: -c: line 1: `then echo x'\n", code: 2 },
  },
  {
    source: 'do echo x',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "do" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "do"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `do'\nbash: -c: line 1: `do echo x'\n", code: 2 },
  },
  {
    source: 'for i in 1 2 do echo $i; done',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "done" unexpected (expecting "do")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "done" (expecting "do")\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `done'\nbash: -c: line 1: `for i in 1 2 do echo $i; done'\n", code: 2 },
  },
  {
    source: 'while true do echo x; done',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "done" unexpected (expecting "do")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "done" (expecting "do")\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `done'\nbash: -c: line 1: `while true do echo x; done'\n", code: 2 },
  },
  {
    source: 'echo x; done',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "done" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "done"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `done'\nbash: -c: line 1: `echo x; done'\n", code: 2 },
  },
  {
    source: 'if true; then echo x; done',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "done" unexpected (expecting "fi")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "done" (expecting "fi")\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `done'\nbash: -c: line 1: `if true; then echo x; done'\n", code: 2 },
  },
  {
    source: 'fi',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "fi" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "fi"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `fi'\n", code: 2 },
  },
  {
    source: 'if true; then fi',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "fi" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "fi"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `if true; then fi'\n", code: 2 },
  },
  {
    source: 'echo a;;',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: ";;" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected ";;"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `;;'\nbash: -c: line 1: `echo a;;'\n", code: 2 },
  },
  {
    source: 'echo )',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: ")" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected ")"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `echo )'\n", code: 2 },
  },
  {
    source: '; echo a',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: ";" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected ";"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `;'\nbash: -c: line 1: `; echo a'\n", code: 2 },
  },
  {
    source: '&& echo a',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "&&" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "&&"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `&&'\nbash: -c: line 1: `&& echo a'\n", code: 2 },
  },
  {
    source: '| grep x',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: "|" unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected "|"\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `|'\nbash: -c: line 1: `| grep x'\n", code: 2 },
  },
  {
    source: 'echo a &&',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'echo a |',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'echo a >',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `echo a >'\n", code: 2 },
  },
  {
    source: 'echo "hello',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: Unterminated quoted string\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unterminated quoted string\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 1: unexpected EOF while looking for matching `"\'\n', code: 2 },
  },
  {
    source: "echo 'hi",
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: Unterminated quoted string\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unterminated quoted string\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: unexpected EOF while looking for matching `''\n", code: 2 },
  },
  {
    source: '{ echo a',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting "}")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting "}")\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: '( echo a',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting ")")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting ")")\n', code: 2 },
    bash: { stdout: '', stderr: 'bash: -c: line 2: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'echo `date',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: EOF in backquote substitution\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: EOF in backquote substitution\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: unexpected EOF while looking for matching ``'\n", code: 2 },
  },
  {
    source: 'echo $(date',
    dash: { stdout: '', stderr: 'sh: 1: Syntax error: end of file unexpected (expecting ")")\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting ")")\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 2: unexpected EOF while looking for matching `)'\n", code: 2 },
  },
  {
    source: 'echo start\nfor i in 1 2; do\n  echo $i\n',
    dash: { stdout: 'start\n', stderr: 'sh: 4: Syntax error: end of file unexpected (expecting "done")\n', code: 2 },
    busybox: { stdout: 'start\n', stderr: 'sh: syntax error: unexpected end of file (expecting "done")\n', code: 2 },
    bash: { stdout: 'start\n', stderr: 'bash: -c: line 4: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    source: 'echo start\necho a; fi\necho b',
    dash: { stdout: 'start\n', stderr: 'sh: 2: Syntax error: "fi" unexpected\n', code: 2 },
    busybox: { stdout: 'start\n', stderr: 'sh: syntax error: unexpected "fi"\n', code: 2 },
    bash: { stdout: 'start\n', stderr: "bash: -c: line 2: syntax error near unexpected token `fi'\nbash: -c: line 2: `echo a; fi'\n", code: 2 },
  },
  {
    source: 'echo start\necho "abc\necho b',
    dash: { stdout: 'start\n', stderr: 'sh: 3: Syntax error: Unterminated quoted string\n', code: 2 },
    busybox: { stdout: 'start\n', stderr: 'sh: syntax error: unterminated quoted string\n', code: 2 },
    bash: { stdout: 'start\n', stderr: 'bash: -c: line 2: unexpected EOF while looking for matching `"\'\n', code: 2 },
  },
  {
    source: 'echo a >\necho b',
    dash: { stdout: '', stderr: 'sh: 2: Syntax error: newline unexpected\n', code: 2 },
    busybox: { stdout: '', stderr: 'sh: syntax error: unexpected newline\n', code: 2 },
    bash: { stdout: '', stderr: "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `echo a >'\n", code: 2 },
  },
];

// Pasted from the real shells at a prompt (`printf 'echo a\nLINE\n' | sh -i`), the line typed
// second: dash counts the lines read since it started, ash and bash number nothing.
const AT_A_PROMPT: { line: string; dash: string; busybox: string; bash: string }[] = [
  {
    line: 'then echo x',
    dash: 'sh: 2: Syntax error: "then" unexpected\n',
    busybox: 'sh: syntax error: unexpected "then"\n',
    bash: "bash: syntax error near unexpected token `then'\n",
  },
  { line: 'do echo x', dash: 'sh: 2: Syntax error: "do" unexpected\n', busybox: 'sh: syntax error: unexpected "do"\n', bash: "bash: syntax error near unexpected token `do'\n" },
  {
    line: 'echo x; done',
    dash: 'sh: 2: Syntax error: "done" unexpected\n',
    busybox: 'sh: syntax error: unexpected "done"\n',
    bash: "bash: syntax error near unexpected token `done'\n",
  },
  { line: 'fi', dash: 'sh: 2: Syntax error: "fi" unexpected\n', busybox: 'sh: syntax error: unexpected "fi"\n', bash: "bash: syntax error near unexpected token `fi'\n" },
  {
    line: 'if true; then echo x; done',
    dash: 'sh: 2: Syntax error: "done" unexpected (expecting "fi")\n',
    busybox: 'sh: syntax error: unexpected "done" (expecting "fi")\n',
    bash: "bash: syntax error near unexpected token `done'\n",
  },
  {
    line: 'for i in 1 2 do echo $i; done',
    dash: 'sh: 2: Syntax error: "done" unexpected (expecting "do")\n',
    busybox: 'sh: syntax error: unexpected "done" (expecting "do")\n',
    bash: "bash: syntax error near unexpected token `done'\n",
  },
  { line: 'echo a;;', dash: 'sh: 2: Syntax error: ";;" unexpected\n', busybox: 'sh: syntax error: unexpected ";;"\n', bash: "bash: syntax error near unexpected token `;;'\n" },
  { line: 'echo )', dash: 'sh: 2: Syntax error: ")" unexpected\n', busybox: 'sh: syntax error: unexpected ")"\n', bash: "bash: syntax error near unexpected token `)'\n" },
  { line: '; echo a', dash: 'sh: 2: Syntax error: ";" unexpected\n', busybox: 'sh: syntax error: unexpected ";"\n', bash: "bash: syntax error near unexpected token `;'\n" },
  { line: '&& echo a', dash: 'sh: 2: Syntax error: "&&" unexpected\n', busybox: 'sh: syntax error: unexpected "&&"\n', bash: "bash: syntax error near unexpected token `&&'\n" },
  { line: '| grep x', dash: 'sh: 2: Syntax error: "|" unexpected\n', busybox: 'sh: syntax error: unexpected "|"\n', bash: "bash: syntax error near unexpected token `|'\n" },
  {
    line: 'echo a >',
    dash: 'sh: 3: Syntax error: newline unexpected\n',
    busybox: 'sh: syntax error: unexpected newline\n',
    bash: "bash: syntax error near unexpected token `newline'\n",
  },
];

// Pasted from the real shells running /tmp/s.sh: `sh /tmp/s.sh` (dash as sh, busybox), `bash /tmp/s.sh`.
const SCRIPT_FILE: { script: string; dash: Outcome; busybox: Outcome; bash: Outcome }[] = [
  {
    script: 'echo start\necho a; fi\necho b\n',
    dash: { stdout: 'start\n', stderr: '/tmp/s.sh: 2: Syntax error: "fi" unexpected\n', code: 2 },
    busybox: { stdout: 'start\n', stderr: '/tmp/s.sh: line 2: syntax error: unexpected "fi"\n', code: 2 },
    bash: { stdout: 'start\n', stderr: "/tmp/s.sh: line 2: syntax error near unexpected token `fi'\n/tmp/s.sh: line 2: `echo a; fi'\n", code: 2 },
  },
  {
    script: 'echo start\nif true; then\n echo x\n',
    dash: { stdout: 'start\n', stderr: '/tmp/s.sh: 4: Syntax error: end of file unexpected (expecting "fi")\n', code: 2 },
    busybox: { stdout: 'start\n', stderr: '/tmp/s.sh: line 4: syntax error: unexpected end of file (expecting "fi")\n', code: 2 },
    bash: { stdout: 'start\n', stderr: '/tmp/s.sh: line 4: syntax error: unexpected end of file\n', code: 2 },
  },
  {
    script: 'echo start\necho "abc\necho b\n',
    dash: { stdout: 'start\n', stderr: '/tmp/s.sh: 4: Syntax error: Unterminated quoted string\n', code: 2 },
    busybox: { stdout: 'start\n', stderr: '/tmp/s.sh: line 4: syntax error: unterminated quoted string\n', code: 2 },
    bash: { stdout: 'start\n', stderr: '/tmp/s.sh: line 2: unexpected EOF while looking for matching `"\'\n', code: 2 },
  },
  {
    script: 'echo start\nwhile true do\n  echo x\ndone\n',
    dash: { stdout: 'start\n', stderr: '/tmp/s.sh: 4: Syntax error: "done" unexpected (expecting "do")\n', code: 2 },
    busybox: { stdout: 'start\n', stderr: '/tmp/s.sh: line 4: syntax error: unexpected "done" (expecting "do")\n', code: 2 },
    bash: { stdout: 'start\n', stderr: "/tmp/s.sh: line 4: syntax error near unexpected token `done'\n/tmp/s.sh: line 4: `done'\n", code: 2 },
  },
];

const SHELLS: { flavour: ShellFlavour; userland: Userland; program: string }[] = [
  { flavour: 'dash', userland: 'gnu', program: 'sh' },
  { flavour: 'busybox', userland: 'busybox', program: 'sh' },
  { flavour: 'bash', userland: 'gnu', program: 'bash' },
];

describe('syntax errors are worded as each shell words them', () => {
  describe.each(SHELLS)('$program -c in $flavour', ({ flavour, userland, program }) => {
    it.each(SH_C)('$source', async (row) => {
      const shell = newShell('bash', userland, 'terminal', { SOURCE: row.source });
      expect(await run(shell, `${program} -c "$SOURCE"`)).toEqual(row[flavour]);
    });
  });

  describe.each(SHELLS)('$program running a script file in $flavour', ({ flavour, userland, program }) => {
    it.each(SCRIPT_FILE)('$script', async (row) => {
      const shell = newShell('bash', userland, 'terminal', {}, row.script);
      expect(await run(shell, `${program} /tmp/s.sh`)).toEqual(row[flavour]);
    });
  });

  describe.each(SHELLS)('a line typed at a $flavour prompt', ({ flavour, userland }) => {
    it.each(AT_A_PROMPT)('$line', async (row) => {
      const shell = newShell(flavour, userland, 'terminal');
      expect(await run(shell, 'echo a')).toEqual({ stdout: 'a\n', stderr: '', code: 0 });
      expect(await run(shell, row.line)).toEqual({ stdout: '', stderr: row[flavour], code: 2 });
      expect(shell.lastExitCode).toBe(2);
    });
  });

  it('a line that is not finished asks for the next one rather than failing', () => {
    const shell = newShell('dash', 'gnu', 'terminal');
    expect(['if true; then', 'for i in 1 2', 'echo a |', 'echo "abc', 'case a in', 'f() {'].map((line) => shell.needsMoreInput(line))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['echo )', 'echo a >', 'if true; then echo; done', 'echo a; fi'].map((line) => shell.needsMoreInput(line))).toEqual([false, false, false, false]);
  });
});
