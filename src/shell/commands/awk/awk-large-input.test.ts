import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf } from '../../shell.ts';
import { toolCommands } from '../index.ts';

/** Runs `line` over a file of `bytes` and counts the turns the shell gave back to the host. */
async function yieldsOver(line: string, bytes: number): Promise<{ out: string; yields: number }> {
  const fs = new MemoryFileSystem(undefined, 64 * 1024 * 1024);
  const row = 'alpha beta 12345 gamma delta\n';
  fs.writeFile('/big', row.repeat(Math.ceil(bytes / row.length)));
  let yields = 0;
  const shell = new Shell({
    fs,
    registry: registryOf(toolCommands()),
    env: { HOME: '/' },
    time: { now: () => 0, sleep: async () => undefined },
    yieldToHost: () => {
      yields++;
      return new Promise((r) => setImmediate(r));
    },
    builtins: 'bash',
    userland: 'gnu',
  });
  let out = '';
  const sink = { write: (t: string) => (out += t) };
  await shell.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt() });
  return { out, yields };
}

describe('awk over a large input', () => {
  const cases = [
    { name: 'sums a column of 16 MB, yielding every slice', line: "awk '{ s += $3 } END { print s }' /big", bytes: 16 * 1024 * 1024 },
    { name: 'loops in BEGIN without input, yielding every few rounds', line: "awk 'BEGIN { for (i = 0; i < 200000; i++) n++; print n }'", bytes: 0 },
  ];
  it.each(cases)(
    '$name',
    async ({ line, bytes }) => {
      const { out, yields } = await yieldsOver(line, bytes);
      // mawk 1.3.4 prints a sum past C int's range through OFMT.
      expect(out).toBe(bytes ? '7.14189e+09\n' : '200000\n');
      // At least one host turn per 256 KB of input or per 10,000 rounds of a loop.
      expect(yields).toBeGreaterThanOrEqual(bytes ? bytes / 262_144 : 20);
    },
    120_000,
  );
});
