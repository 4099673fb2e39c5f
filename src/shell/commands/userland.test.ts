import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';
import type { Userland } from '../command.ts';

/** The host's bash with GNU tools, or a busybox image's `sh` with its applets. */
const run = (userland: Userland, line: string) => runToolLine(line, { userland, files: { '/root/f': 'a\n' } });

// Recorded from GNU coreutils 9.1 / grep 3.8 / sed 4.9 and busybox 1.35 (its applets called as
// `busybox cat x`, its ash as `busybox sh -c`) on Debian 12.
describe('tool errors in each userland', () => {
  const cases: { line: string; gnu: string; gnuCode: number; busybox: string; busyboxCode: number }[] = [
    { line: 'cat x', gnu: 'cat: x: No such file or directory\n', gnuCode: 1, busybox: "cat: can't open 'x': No such file or directory\n", busyboxCode: 1 },
    { line: 'cat x f', gnu: 'cat: x: No such file or directory\na\n', gnuCode: 1, busybox: "cat: can't open 'x': No such file or directory\na\n", busyboxCode: 1 },
    { line: 'cat /', gnu: 'cat: /: Is a directory\n', gnuCode: 1, busybox: 'cat: read error: Is a directory\n', busyboxCode: 1 },
    { line: 'ls x', gnu: "ls: cannot access 'x': No such file or directory\n", gnuCode: 2, busybox: 'ls: x: No such file or directory\n', busyboxCode: 1 },
    { line: 'head x', gnu: "head: cannot open 'x' for reading: No such file or directory\n", gnuCode: 1, busybox: 'head: x: No such file or directory\n', busyboxCode: 1 },
    {
      line: 'tail x',
      gnu: "tail: cannot open 'x' for reading: No such file or directory\n",
      gnuCode: 1,
      busybox: "tail: can't open 'x': No such file or directory\ntail: no files\n",
      busyboxCode: 1,
    },
    { line: 'tail /', gnu: "tail: error reading '/': Is a directory\n", gnuCode: 1, busybox: 'tail: read error: Is a directory\n', busyboxCode: 1 },
    { line: 'wc x', gnu: 'wc: x: No such file or directory\n', gnuCode: 1, busybox: 'wc: x: No such file or directory\n', busyboxCode: 1 },
    { line: 'grep a x', gnu: 'grep: x: No such file or directory\n', gnuCode: 2, busybox: 'grep: x: No such file or directory\n', busyboxCode: 2 },
    { line: 'grep a /', gnu: 'grep: /: Is a directory\n', gnuCode: 2, busybox: '', busyboxCode: 1 },
    { line: 'sort x', gnu: 'sort: cannot read: x: No such file or directory\n', gnuCode: 2, busybox: 'sort: x: No such file or directory\n', busyboxCode: 2 },
    { line: 'uniq x', gnu: 'uniq: x: No such file or directory\n', gnuCode: 1, busybox: "uniq: can't open 'x': No such file or directory\n", busyboxCode: 1 },
    { line: 'sed p x', gnu: "sed: can't read x: No such file or directory\n", gnuCode: 2, busybox: 'sed: x: No such file or directory\n', busyboxCode: 1 },
    { line: 'rm x', gnu: "rm: cannot remove 'x': No such file or directory\n", gnuCode: 1, busybox: "rm: can't remove 'x': No such file or directory\n", busyboxCode: 1 },
    { line: 'rm /root', gnu: "rm: cannot remove '/root': Is a directory\n", gnuCode: 1, busybox: "rm: '/root' is a directory\n", busyboxCode: 1 },
    {
      line: 'mkdir /no/a',
      gnu: "mkdir: cannot create directory '/no/a': No such file or directory\n",
      gnuCode: 1,
      busybox: "mkdir: can't create directory '/no/a': No such file or directory\n",
      busyboxCode: 1,
    },
    { line: 'touch /no/a', gnu: "touch: cannot touch '/no/a': No such file or directory\n", gnuCode: 1, busybox: 'touch: /no/a: No such file or directory\n', busyboxCode: 1 },
    { line: 'cp x y', gnu: "cp: cannot stat 'x': No such file or directory\n", gnuCode: 1, busybox: "cp: can't stat 'x': No such file or directory\n", busyboxCode: 1 },
    { line: 'mv x y', gnu: "mv: cannot stat 'x': No such file or directory\n", gnuCode: 1, busybox: "mv: can't rename 'x': No such file or directory\n", busyboxCode: 1 },
    { line: 'chmod 644 x', gnu: "chmod: cannot access 'x': No such file or directory\n", gnuCode: 1, busybox: 'chmod: x: No such file or directory\n', busyboxCode: 1 },
    { line: 'echo hi | tee /no/a', gnu: 'tee: /no/a: No such file or directory\nhi\n', gnuCode: 1, busybox: 'tee: /no/a: No such file or directory\nhi\n', busyboxCode: 1 },
    {
      line: 'sleep abc',
      gnu: "sleep: invalid time interval 'abc'\nTry 'sleep --help' for more information.\n",
      gnuCode: 1,
      busybox: "sleep: invalid number 'abc'\n",
      busyboxCode: 1,
    },
    { line: 'head -n z f', gnu: "head: invalid number of lines: 'z'\n", gnuCode: 1, busybox: "head: invalid number 'z'\n", busyboxCode: 1 },
    // The shell's own wording: bash on the host, ash in busybox images.
    { line: 'nosuch', gnu: 'bash: nosuch: command not found\n', gnuCode: 127, busybox: 'sh: nosuch: not found\n', busyboxCode: 127 },
    { line: 'cat < nofile', gnu: 'bash: nofile: No such file or directory\n', gnuCode: 1, busybox: "sh: can't open nofile: no such file\n", busyboxCode: 1 },
    { line: 'echo hi > /no/a', gnu: 'bash: /no/a: No such file or directory\n', gnuCode: 1, busybox: "sh: can't create /no/a: nonexistent directory\n", busyboxCode: 1 },
    { line: 'cd /no', gnu: 'bash: cd: /no: No such file or directory\n', gnuCode: 1, busybox: "sh: cd: can't cd to /no: No such file or directory\n", busyboxCode: 2 },
  ];
  it.each(cases)('$line', async ({ line, gnu, gnuCode, busybox, busyboxCode }) => {
    expect(await run('gnu', line)).toEqual({ out: gnu, code: gnuCode });
    expect(await run('busybox', line)).toEqual({ out: busybox, code: busyboxCode });
  });
});
