import { describe, expect, it } from 'vitest';
import { yieldCountingShell } from '../../../tests/support/run-tool-line.ts';

/** `seq 0 39999 | awk '{printf "line %d of %d\n", $1 % 1000, $1}' > big`: 704,490 bytes. */
const BIG = Array.from({ length: 40_000 }, (_, i) => `line ${i % 1000} of ${i}\n`).join('');

function newShell() {
  const shell = yieldCountingShell({ '/root/big': BIG });
  return { run: (line: string) => shell.run(`cd /root; ${line}`), yields: shell.yields };
}

// Issue 10 §2: each tool works through a large input a slice at a time and yields to the host
// between slices; before, each read, split and printed it in one stretch (not one yield). Every
// expected output is GNU coreutils 9 / grep 3 / sed 4 / vim's xxd / util-linux hexdump (LC_ALL=C)
// run on the same file.
describe('text tools over a large input', () => {
  // `seeks`: head and tail find their lines by searching from the end that matters, with no slices to yield between.
  const cases: { name: string; line: string; out: string; seeks?: boolean }[] = [
    { name: 'wc', line: 'wc big', out: ' 40000 160000 704490 big\n' },
    { name: 'wc -l', line: 'wc -l big', out: '40000 big\n' },
    { name: 'cat -n', line: 'cat -n big | tail -n 1', out: ' 40000\tline 999 of 39999\n' },
    { name: 'cat into a pipeline', line: "cat big | grep 'line 42 ' | wc -l", out: '40\n' },
    { name: 'head -n', line: 'head -n 2 big', out: 'line 0 of 0\nline 1 of 1\n', seeks: true },
    { name: 'tail -n', line: 'tail -n 2 big', out: 'line 998 of 39998\nline 999 of 39999\n', seeks: true },
    { name: 'tail -n +N', line: 'tail -n +39999 big', out: 'line 998 of 39998\nline 999 of 39999\n', seeks: true },
    { name: 'head -n -N', line: 'head -n -39998 big', out: 'line 0 of 0\nline 1 of 1\n', seeks: true },
    { name: 'sort', line: 'sort big | head -n 3', out: 'line 0 of 0\nline 0 of 1000\nline 0 of 10000\n' },
    { name: 'sort by keys', line: "sort -t' ' -k2,2n -k4,4nr big | head -n 3", out: 'line 0 of 39000\nline 0 of 38000\nline 0 of 37000\n' },
    { name: 'sort -n on a key', line: "sort -n -k4 -t' ' big | tail -n 1", out: 'line 999 of 39999\n' },
    { name: 'sort -u', line: 'sort -u big | wc -l', out: '40000\n' },
    { name: 'uniq -c', line: 'cut -c1-6 big | sort | uniq -c | head -n 2', out: '     40 line 0\n   4440 line 1\n' },
    { name: 'cut -f', line: "cut -d' ' -f4 big | tail -n 1", out: '39999\n' },
    { name: 'tr', line: 'tr a-z A-Z < big | tail -n 1', out: 'LINE 999 OF 39999\n' },
    { name: 'tr -d', line: 'tr -d 0-9 < big | uniq -c | head -n 1', out: '  40000 line  of \n' },
    { name: 'tr -s', line: "tr -s '0-9' < big | tail -n 1", out: 'line 9 of 39\n' },
    { name: 'sed', line: "sed 's/of/OF/;/^line 999 /d' big | tail -n 2", out: 'line 997 OF 39997\nline 998 OF 39998\n' },
    { name: 'sed $', line: "sed -n '$p' big", out: 'line 999 of 39999\n' },
    { name: 'grep -c', line: "grep -c 'line 7 ' big", out: '40\n' },
    { name: 'grep -n -m', line: "grep -n -m 2 'of 3999[0-9]' big", out: '39991:line 990 of 39990\n39992:line 991 of 39991\n' },
    { name: 'grep -B', line: "grep -B1 'of 20000$' big", out: 'line 999 of 19999\nline 0 of 20000\n' },
    { name: 'tee', line: 'tee copy < big | wc -c', out: '704490\n' },
    {
      name: 'od -c',
      line: 'od -c big | tail -n 3',
      out: '2537720   f       3   9   9   9   8  \\n   l   i   n   e       9   9   9\n2537740       o   f       3   9   9   9   9  \\n\n2537752\n',
    },
    { name: 'xxd', line: 'xxd big | tail -n 1', out: '000abfe0: 206f 6620 3339 3939 390a                  of 39999.\n' },
    { name: 'xxd -p', line: 'xxd -p big | tail -n 1', out: '3938206f662033393939380a6c696e6520393939206f662033393939390a\n' },
    { name: 'hexdump -C', line: 'hexdump -C big | tail -n 2', out: '000abfe0  20 6f 66 20 33 39 39 39  39 0a                    | of 39999.|\n000abfea\n' },
    { name: 'diff', line: "sed 's/of 20000$/of X/' big > other; diff big other", out: '20001c20001\n< line 0 of 20000\n---\n> line 0 of X\n' },
  ];
  for (const { name, line, out, seeks } of cases)
    it(`${name} prints what GNU prints${seeks ? '' : ', yielding as it goes'}`, async () => {
      const { run, yields } = newShell();
      const result = await run(line);
      expect(result.out).toBe(out);
      // 704 KB is 11 slices of 64 KiB: each tool of the line yields after each.
      if (!seeks) expect(yields()).toBeGreaterThanOrEqual(10);
    });

  it('cat of thousands of missing files reports each, yielding as it goes', async () => {
    const { run, yields } = newShell();
    const result = await run('cat f{1..4096} 2>&1 | sed -n "1p;\\$p"; cat f{1..4096} 2>&1 | wc -l');
    expect(result.out).toBe('cat: f1: No such file or directory\ncat: f4096: No such file or directory\n4096\n');
    // 2 × 4096 names: 30 checkpoints of 16 between files, besides the expansion's and the pipes' own.
    expect(yields()).toBeGreaterThanOrEqual(10);
  });

  it('tail leaves a last line without its newline as it is', async () => {
    const { run } = newShell();
    expect(await run("printf 'a\\nb' > nonl; tail -n 1 nonl; echo; tail -n +2 nonl")).toEqual({ out: 'b\nb', code: 0 });
  });
});
