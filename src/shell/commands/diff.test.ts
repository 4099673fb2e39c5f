import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const files = {
  '/root/d1': 'a\nb\nc\nd\n',
  '/root/d2': 'a\nB\nc\nd\ne\n',
  '/root/d3': 'x\n',
  '/root/d4': 'x',
  '/root/e1': '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n',
  '/root/e2': '1\n2\nX\n4\n5\n6\n7\n8\n9\n10\nY\n12\n13\n',
  '/root/a/f0': 'old\n',
  '/root/a/f1': 'x\ny\n',
  '/root/a/f2': 'same\n',
  '/root/b/f1': 'x\nz\n',
  '/root/b/f2': 'same\n',
  '/root/b/f3': 'new\n',
};
const TRY = "diff: Try 'diff --help' for more information.\n";

// Expected outputs recorded from GNU diffutils 3.8.
describe('diff', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'a change and an addition', line: 'diff d1 d2', out: '2c2\n< b\n---\n> B\n4a5\n> e\n', code: 1 },
    { name: 'a deletion', line: 'diff d2 d1', out: '2c2\n< B\n---\n> b\n5d4\n< e\n', code: 1 },
    { name: 'many lines for one', line: 'diff d1 d3', out: '1,4c1\n< a\n< b\n< c\n< d\n---\n> x\n', code: 1 },
    { name: 'a missing final newline', line: 'diff d3 d4', out: '1c1\n< x\n---\n> x\n\\ No newline at end of file\n', code: 1 },
    { name: 'same files', line: 'diff d1 d1', out: '' },
    { name: 'unified hunks apart', line: 'diff -u e1 e2 | tail -n +3', out: '@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+X\n 4\n 5\n 6\n@@ -8,5 +8,6 @@\n 8\n 9\n 10\n-11\n+Y\n 12\n+13\n' },
    { name: 'unified, one line each', line: 'diff -u d3 d4 | tail -n +3', out: '@@ -1 +1 @@\n-x\n+x\n\\ No newline at end of file\n' },
    { name: 'unified headers', line: 'diff -u d1 d2 | head -2 | cut -f1', out: '--- d1\n+++ d2\n' },
    { name: 'brief', line: 'diff -q d1 d2', out: 'Files d1 and d2 differ\n', code: 1 },
    { name: 'a missing file', line: 'diff d1 nofile', out: 'diff: nofile: No such file or directory\n', code: 2 },
    { name: 'one operand', line: 'diff d1', out: `diff: missing operand after 'd1'\n${TRY}`, code: 2 },
    { name: 'two directories', line: 'diff a b', out: 'Only in a: f0\ndiff a/f1 b/f1\n2c2\n< y\n---\n> z\nOnly in b: f3\n', code: 1 },
    {
      name: 'two directories, -N reading a missing file as empty',
      line: 'diff -u -N a b | cut -f1',
      out: 'diff -u -N a/f0 b/f0\n--- a/f0\n+++ b/f0\n@@ -1 +0,0 @@\n-old\ndiff -u -N a/f1 b/f1\n--- a/f1\n+++ b/f1\n@@ -1,2 +1,2 @@\n x\n-y\n+z\ndiff -u -N a/f3 b/f3\n--- a/f3\n+++ b/f3\n@@ -0,0 +1 @@\n+new\n',
    },
    { name: "the epoch as a missing file's time", line: "diff -u -N a b | grep '^--- a/f3'", out: '--- a/f3\t1970-01-01 00:00:00.000000000 +0000\n' },
    { name: 'process substitution', line: 'diff <(echo a) <(echo b)', out: '1c1\n< a\n---\n> b\n', code: 1 },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files })).toEqual({ out, code });
  });
});
