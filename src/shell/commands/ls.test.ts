import { describe, expect, it } from 'vitest';
import type { Userland } from '../command.ts';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const SETUP = 'cd /root; mkdir d; printf hello > a; ';

// GNU lines recorded from coreutils 9.1 in a directory holding a 5-byte file `a` and a
// directory `d`; busybox lines follow 1.36 coreutils/ls.c display_single's printf formats
// (`%-10s %4lu %-8.8s %-8.8s %9u `) and scan_and_display_dirs_recur's `total`. The clock of
// these shells reads the epoch, hence `Jan  1 00:00`.
describe('ls', () => {
  const cases: { name: string; line: string; userland?: Userland; out: string; code?: number }[] = [
    { name: 'not writing to a terminal, one name a line', line: 'ls', out: 'a\nd\n' },
    { name: 'busybox not writing to a terminal, one name a line', line: 'ls', userland: 'busybox', out: 'a\nd\n' },
    { name: '-d names a directory, not its entries', line: 'ls -d d', out: 'd\n' },
    { name: '-d with no operand names the current directory', line: 'ls -d', out: '.\n' },
    { name: '-ld describes the directory itself', line: 'ls -ld d', out: 'drwxr-xr-x 2 root root 4096 Jan  1 00:00 d\n' },
    {
      name: 'busybox -ld describes the directory itself',
      line: 'ls -ld d',
      userland: 'busybox',
      out: 'drwxr-xr-x    2 root     root          4096 Jan  1 00:00 d\n',
    },
    {
      name: 'GNU -l aligns its columns to the widest cell',
      line: 'ls -l',
      out: 'total 8\n-rw-r--r-- 1 root root    5 Jan  1 00:00 a\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 d\n',
    },
    {
      name: 'busybox -l prints fixed-width columns',
      line: 'ls -l',
      userland: 'busybox',
      out: 'total 8\n-rw-r--r--    1 root     root             5 Jan  1 00:00 a\ndrwxr-xr-x    2 root     root          4096 Jan  1 00:00 d\n',
    },
  ];
  it.each(cases)('$name', async ({ line, userland = 'gnu', out, code = 0 }) => {
    expect(await runToolLine(`${SETUP}${line}`, { userland })).toEqual({ out, code });
  });
});
