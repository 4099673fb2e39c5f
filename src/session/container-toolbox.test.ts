import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import type { ContainerNetwork } from '../engine/kubelet/tool-runner.ts';
import { ContainerToolbox } from './container-toolbox.ts';

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
});
