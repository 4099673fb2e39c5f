import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import type { ContainerNetwork } from '../engine/kubelet/tool-runner.ts';
import { ContainerToolbox } from './container-toolbox.ts';
import { BUSYBOX_TOOLS } from '../engine/images/tool-sets.ts';

const BUSYBOX = ['sh', 'sleep', 'echo'];

async function run(argv: string[], binaries = BUSYBOX, userland: 'gnu' | 'busybox' = 'busybox'): Promise<{ out: string; code: number }> {
  const toolbox = new ContainerToolbox(() => new Promise((resolve) => setImmediate(resolve)));
  let out = '';
  const code = await toolbox.run({
    argv,
    env: {},
    cwd: '/',
    fs: toolbox.newFileSystem(),
    stdin: '',
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    now: () => 0,
    sleep: async () => undefined,
    kill: { interrupted: false, onInterrupt: () => () => undefined },
    network: {} as ContainerNetwork,
    hostname: 'p',
    binaries,
    userland,
  });
  return { out, code };
}

describe('ContainerToolbox', () => {
  const cases = [
    { name: 'runs a program named by its path in a bin directory', argv: ['/bin/sleep', '20'], out: '', code: 0 },
    { name: 'runs one under /usr/bin from a shell script', argv: ['sh', '-c', '/usr/bin/sleep 1 && echo slept'], out: 'slept\n', code: 0 },
    { name: 'does not find a program the image lacks, even by path', argv: ['sh', '-c', '/bin/wget x'], out: 'sh: /bin/wget: not found\n', code: 127 },
  ];
  it.each(cases)('$name', async ({ argv, out, code }) => {
    expect(await run(argv)).toEqual({ out, code });
  });

  // An image's tools word errors as its base does: busybox applets, or GNU coreutils under Ubuntu's bash.
  const images = [
    { name: 'busybox cat', argv: ['cat', 'x'], userland: 'busybox' as const, out: "cat: can't open 'x': No such file or directory\n", code: 1 },
    { name: 'busybox ls', argv: ['sh', '-c', 'ls /x'], userland: 'busybox' as const, out: 'ls: /x: No such file or directory\n', code: 1 },
    { name: 'ubuntu cat', argv: ['bash', '-c', 'cat x'], userland: 'gnu' as const, out: 'cat: x: No such file or directory\n', code: 1 },
    { name: 'ubuntu ls', argv: ['ls', '/x'], userland: 'gnu' as const, out: "ls: cannot access '/x': No such file or directory\n", code: 2 },
    // `sh` is busybox ash in a busybox image and dash in an Ubuntu one: `kubectl logs` tells them apart.
    { name: 'busybox sh -c with a typo', argv: ['sh', '-c', 'sleeeep 2'], userland: 'busybox' as const, out: 'sh: sleeeep: not found\n', code: 127 },
    { name: 'ubuntu sh -c with a typo', argv: ['sh', '-c', 'sleeeep 2'], userland: 'gnu' as const, out: 'sh: 1: sleeeep: not found\n', code: 127 },
    { name: 'busybox /bin/sh -c with a typo', argv: ['/bin/sh', '-c', 'sleeeep 2'], userland: 'busybox' as const, out: '/bin/sh: sleeeep: not found\n', code: 127 },
    { name: 'ubuntu /bin/sh -c cd', argv: ['/bin/sh', '-c', 'cd /x'], userland: 'gnu' as const, out: "/bin/sh: 1: cd: can't cd to /x\n", code: 2 },
    { name: 'ubuntu bash -c with a typo', argv: ['bash', '-c', 'sleeeep 2'], userland: 'gnu' as const, out: 'bash: sleeeep: command not found\n', code: 127 },
  ];
  it.each(images)('$name', async ({ argv, userland, out, code }) => {
    expect(await run(argv, ['sh', 'bash', 'cat', 'ls'], userland)).toEqual({ out, code });
  });

  // Read off busybox 1.35 ash, dash 0.5.12 (as sh) and bash 5.2: each words a syntax error its own way.
  const syntaxErrors = [
    {
      name: 'busybox sh -c missing done',
      argv: ['sh', '-c', 'echo start\nfor i in 1 2; do echo $i\n'],
      userland: 'busybox' as const,
      out: 'start\nsh: syntax error: unexpected end of file (expecting "done")\n',
      code: 2,
    },
    {
      name: 'ubuntu sh -c missing done',
      argv: ['sh', '-c', 'echo start\nfor i in 1 2; do echo $i\n'],
      userland: 'gnu' as const,
      out: 'start\nsh: 3: Syntax error: end of file unexpected (expecting "done")\n',
      code: 2,
    },
    {
      name: 'ubuntu bash -c missing done',
      argv: ['bash', '-c', 'echo start\nfor i in 1 2; do echo $i\n'],
      userland: 'gnu' as const,
      out: 'start\nbash: -c: line 3: syntax error: unexpected end of file\n',
      code: 2,
    },
    { name: 'busybox /bin/sh -c unexpected )', argv: ['/bin/sh', '-c', 'echo )'], userland: 'busybox' as const, out: '/bin/sh: syntax error: unexpected ")"\n', code: 2 },
    { name: 'ubuntu /bin/sh -c unexpected )', argv: ['/bin/sh', '-c', 'echo )'], userland: 'gnu' as const, out: '/bin/sh: 1: Syntax error: ")" unexpected\n', code: 2 },
    {
      name: 'ubuntu /bin/bash -c unexpected )',
      argv: ['/bin/bash', '-c', 'echo )'],
      userland: 'gnu' as const,
      out: "/bin/bash: -c: line 1: syntax error near unexpected token `)'\n/bin/bash: -c: line 1: `echo )'\n",
      code: 2,
    },
  ];
  it.each(syntaxErrors)('$name', async ({ argv, userland, out, code }) => {
    expect(await run(argv, ['sh', 'bash', 'echo'], userland)).toEqual({ out, code });
  });
});

/** `kubectl exec -it POD -- PROGRAM`, typing `lines` (null is Ctrl-D); the screen as the user sees it. */
async function typeInto(program: string, lines: (string | null)[], binaries: string[], userland: 'gnu' | 'busybox'): Promise<{ screen: string; code: number }> {
  const toolbox = new ContainerToolbox(() => new Promise((resolve) => setImmediate(resolve)));
  let screen = '';
  const never = { interrupted: false, onInterrupt: () => () => undefined };
  const code = await toolbox.run({
    argv: [program],
    env: { HOME: '/root' },
    cwd: '/',
    fs: toolbox.newFileSystem(),
    stdin: '',
    tty: true,
    readLine: async (prompt) => {
      screen += prompt;
      const line = lines.shift() ?? null;
      if (line !== null) screen += `${line}\n`;
      return line;
    },
    ctrlC: never,
    stdout: (t) => (screen += t),
    stderr: (t) => (screen += t),
    now: () => 0,
    sleep: async () => undefined,
    kill: never,
    network: {} as ContainerNetwork,
    hostname: 'p',
    binaries,
    userland,
  });
  return { screen, code };
}

describe('an interactive shell in a container', () => {
  it('asks for the rest of an unfinished loop at > and words a bad line as ash does', async () => {
    expect(await typeInto('sh', ['for i in 1 2; do', 'echo $i', 'done', 'echo )', 'exit'], ['sh', 'ash', 'echo'], 'busybox')).toEqual({
      screen: '/ # for i in 1 2; do\n> echo $i\n> done\n1\n2\n/ # echo )\nsh: syntax error: unexpected ")"\n/ # exit\n',
      code: 2,
    });
  });

  // As a real dash on a terminal: Ctrl-D at `> ` is the end of input the `if` lacked (read as no line), and dash goes on.
  it('dash numbers the error with the lines read, and prompts again after Ctrl-D at >', async () => {
    expect(await typeInto('sh', ['if true; then', 'echo x', null, 'echo after', 'fi', null], ['sh', 'echo'], 'gnu')).toEqual({
      screen: '# if true; then\n> echo x\n> sh: 3: Syntax error: end of file unexpected (expecting "fi")\n# echo after\nafter\n# fi\nsh: 4: Syntax error: "fi" unexpected\n# \n',
      code: 2,
    });
  });

  it('bash ends at Ctrl-D at >, after its syntax error', async () => {
    expect(await typeInto('bash', ['if true; then', 'echo x', null], ['bash', 'echo'], 'gnu')).toEqual({
      screen: 'root@p:/# if true; then\n> echo x\n> \nbash: syntax error: unexpected end of file\nexit\n',
      code: 2,
    });
  });
});

// busybox 1.36's hexdump, xxd and od applets (the busybox image's /bin): the same dumps as
// util-linux, vim's xxd and coreutils; `less` and `more` with no terminal copy their input.
describe('the busybox image', () => {
  const cases = [
    { name: 'hexdump -C', line: 'echo hi | hexdump -C', out: '00000000  68 69 0a                                          |hi.|\n00000003\n' },
    { name: 'xxd', line: 'echo hi | xxd', out: '00000000: 6869 0a                                  hi.\n' },
    { name: 'od -c', line: 'echo hi | od -c', out: '0000000   h   i  \\n\n0000003\n' },
    { name: 'hexdump of a missing file', line: 'hexdump -C nofile', out: 'hexdump: nofile: No such file or directory\n', code: 1 },
    { name: 'less to a pipe', line: 'echo hi | less | cat', out: 'hi\n' },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    expect(await run(['sh', '-c', line], [...BUSYBOX_TOOLS])).toEqual({ out, code });
  });
});
