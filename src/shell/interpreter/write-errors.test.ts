import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

// Expected outputs recorded from bash 5.2 (at its prompt), GNU coreutils 9.1, grep 3.8 and sed 4.9 writing to /dev/full.
describe('writes refused by a full disk', () => {
  const cases: { name: string; line: string; out: string }[] = [
    { name: 'the echo builtin', line: 'echo hi > /dev/full; echo $?', out: 'bash: echo: write error: No space left on device\n1\n' },
    { name: 'the printf builtin', line: 'printf hi > /dev/full; echo $?', out: 'bash: printf: write error: No space left on device\n1\n' },
    { name: 'cat', line: 'echo x > f; cat f > /dev/full; echo $?', out: 'cat: write error: No space left on device\n1\n' },
    { name: 'yes', line: 'yes > /dev/full; echo $?', out: 'yes: standard output: No space left on device\n1\n' },
    { name: 'sort', line: 'echo x | sort > /dev/full; echo $?', out: "sort: fflush failed: 'standard output': No space left on device\nsort: write error\n2\n" },
    { name: 'wc', line: 'echo x | wc -l > /dev/full; echo $?', out: 'wc: write error\n1\n' },
    { name: 'grep', line: 'echo x | grep x > /dev/full; echo $?', out: 'grep: write error: No space left on device\n2\n' },
    { name: 'sed', line: 'echo x | sed p > /dev/full; echo $?', out: "sed: couldn't flush stdout: No space left on device\n4\n" },
    { name: 'a program that wrote nothing has nothing to report', line: 'true > /dev/full; echo $?', out: '0\n' },
  ];
  it.each(cases)('$name', async ({ line, out }) => {
    expect(await runToolLine(line)).toEqual({ out, code: 0 });
  });

  it('reports each write past a full file system, and keeps what fit', async () => {
    const result = await runToolLine('for i in 1 2 3; do echo 0123456789 >> big; done; wc -c < big', { fsCapacity: 15 });
    expect(result).toEqual({ out: 'bash: echo: write error: No space left on device\nbash: echo: write error: No space left on device\n15\n', code: 0 });
  });
});
