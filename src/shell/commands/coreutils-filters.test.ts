import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const files = { '/root/l.txt': 'l1\nl2\nl3\n', '/root/s.txt': 'b:2:x\na:10:y\nc:1:z\na:10:a\n', '/root/t.txt': 'hello  wOrld 123\naab\n' };
const TR_TRY = "Try 'tr --help' for more information.\n";

// Expected outputs recorded from GNU coreutils 9 with LC_ALL=C.
describe('sort, cut, tr, head -c, sed a/i/c and uniq -c', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'sort -t -k numeric', line: 'sort -t: -k2 -n s.txt', out: 'c:1:z\nb:2:x\na:10:a\na:10:y\n' },
    { name: 'sort: a key with its own n ignores the global -r but not the last resort', line: 'sort -t: -k2,2n -r s.txt', out: 'c:1:z\nb:2:x\na:10:y\na:10:a\n' },
    { name: 'sort -u keeps the first of each key', line: 'sort -u -t: -k1,1 s.txt', out: 'a:10:y\nb:2:x\nc:1:z\n' },
    { name: 'sort a missing field sorts by the line', line: 'sort -k2 s.txt', out: 'a:10:a\na:10:y\nb:2:x\nc:1:z\n' },
    { name: 'sort -rn', line: 'sort -rn s.txt', out: 'c:1:z\nb:2:x\na:10:y\na:10:a\n' },
    { name: 'sort a field of blank-separated columns', line: "printf 'x 3\\ny 1\\nz 2\\n' | sort -k2n", out: 'y 1\nz 2\nx 3\n' },
    { name: 'cut fields come out in line order', line: 'cut -d: -f3,1 s.txt', out: 'b:x\na:y\nc:z\na:a\n' },
    { name: 'cut -c', line: 'cut -c2-3 s.txt', out: ':2\n:1\n:1\n:1\n' },
    { name: 'cut an open range', line: 'cut -d: -f2- s.txt', out: '2:x\n10:y\n1:z\n10:a\n' },
    { name: 'cut with a space delimiter', line: "echo 'a b c' | cut -d ' ' -f2", out: 'b\n' },
    { name: 'cut without a list', line: 'cut s.txt', out: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", code: 1 },
    { name: 'cut field zero', line: 'cut -f0 s.txt', out: "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n", code: 1 },
    { name: 'head -c', line: 'head -c 5 s.txt', out: 'b:2:x' },
    { name: 'head -c -N drops the last N', line: 'head -c -20 s.txt', out: 'b:2:x\n' },
    { name: 'head -n -N drops the last N lines', line: 'head -n -2 s.txt', out: 'b:2:x\na:10:y\n' },
    { name: 'tail -c', line: 'tail -c 6 s.txt', out: ':10:a\n' },
    { name: 'tr ranges', line: 'tr a-z A-Z < t.txt', out: 'HELLO  WORLD 123\nAAB\n' },
    { name: 'tr classes', line: "tr '[:lower:]' '[:upper:]' < t.txt", out: 'HELLO  WORLD 123\nAAB\n' },
    { name: 'tr -d a class', line: "tr -d '[:digit:]' < t.txt", out: 'hello  wOrld \naab\n' },
    { name: 'tr -s squeezes', line: "tr -s ' ' < t.txt", out: 'hello wOrld 123\naab\n' },
    { name: 'tr -s a range', line: 'tr -s a-z < t.txt', out: 'helo  wOrld 123\nab\n' },
    { name: 'tr -cd keeps the complement', line: "tr -cd '[:alnum:]\\n' < t.txt", out: 'hellowOrld123\naab\n' },
    { name: 'tr repeats the last of a short SET2', line: 'tr abc x < t.txt', out: 'hello  wOrld 123\nxxx\n' },
    { name: 'tr with no operand', line: 'tr -d', out: `tr: missing operand\n${TR_TRY}`, code: 1 },
    { name: 'tr with one set to translate', line: 'tr a', out: `tr: missing operand after 'a'\nTwo strings must be given when translating.\n${TR_TRY}`, code: 1 },
    { name: 'tr -d with two sets', line: 'tr -d a b', out: `tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\n${TR_TRY}`, code: 1 },
    { name: 'tr a reversed range', line: 'tr z-a x', out: "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n", code: 1 },
    // GNU sed 4.9.
    { name: 'sed a\\ on its own line', line: "sed '2a\\\nnew' l.txt", out: 'l1\nl2\nnew\nl3\n' },
    { name: 'sed one-line a keeps ; in its text', line: "sed '2a new; x' l.txt", out: 'l1\nl2\nnew; x\nl3\n' },
    { name: 'sed i\\ keeps leading blanks of its text', line: "sed '1i\\\n  top' l.txt", out: '  top\nl1\nl2\nl3\n' },
    { name: 'sed $a', line: "sed '$a end' l.txt", out: 'l1\nl2\nl3\nend\n' },
    { name: 'sed c\\ one line', line: "sed '2c\\changed' l.txt", out: 'l1\nchanged\nl3\n' },
    { name: 'sed c\\ a range once', line: "sed '1,2c\\both' l.txt", out: 'both\nl3\n' },
    { name: 'sed i before a regex match', line: "sed '/l3/i before' l.txt", out: 'l1\nl2\nbefore\nl3\n' },
    { name: 'sed a text over several lines', line: "sed '2a\\\nx\\\ny' l.txt", out: 'l1\nl2\nx\ny\nl3\n' },
    { name: 'sed -n still prints appended text', line: "sed -n '2a x' l.txt", out: 'x\n' },
    { name: 'uniq -c', line: "printf 'a\\na\\nb\\na\\n' | uniq -c", out: '      2 a\n      1 b\n      1 a\n' },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files })).toEqual({ out, code });
  });
});
