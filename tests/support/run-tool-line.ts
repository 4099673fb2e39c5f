/** Test support: one command line run by a bare shell with the coreutils-like tools, output and status. */
import { setImmediate } from 'node:timers';
import type { Userland } from '../../src/shell/command.ts';
import { MemoryFileSystem } from '../../src/shell/fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../../src/shell/shell.ts';
import { toolCommands } from '../../src/shell/commands/index.ts';

/** The host's bash with GNU tools, or a busybox image's `sh` with its applets; `files` are written first. */
export async function runToolLine(
  line: string,
  options: { userland?: Userland; files?: Record<string, string>; fsCapacity?: number } = {},
): Promise<{ out: string; code: number }> {
  const userland = options.userland ?? 'gnu';
  const fs = new MemoryFileSystem(undefined, options.fsCapacity);
  fs.mkdir('/root', { recursive: true });
  for (const [path, text] of Object.entries(options.files ?? {})) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(path, text);
  }
  const shell = new Shell({
    fs,
    registry: registryOf(toolCommands()),
    env: { HOME: '/root' },
    time: { now: () => 0, sleep: async () => undefined },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    builtins: userland === 'busybox' ? 'busybox' : 'bash',
    userland,
  });
  let out = '';
  const sink = { write: (t: string) => (out += t) };
  const code = await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
  return { out, code };
}

/** A bare bash shell over `files` that counts its yields to the host: lines run in it share its state. */
export function yieldCountingShell(files: Record<string, string>): { run(line: string): Promise<{ out: string; code: number }>; yields(): number } {
  const fs = new MemoryFileSystem();
  fs.mkdir('/root', { recursive: true });
  for (const [path, text] of Object.entries(files)) fs.writeFile(path, text);
  let yields = 0;
  const shell = new Shell({
    fs,
    registry: registryOf(toolCommands()),
    env: { HOME: '/root' },
    time: { now: () => 0, sleep: async () => undefined },
    yieldToHost: () => new Promise((resolve) => setImmediate(() => resolve(void yields++))),
  });
  const run = async (line: string) => {
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const code = await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
    return { out, code };
  };
  return { run, yields: () => yields };
}
