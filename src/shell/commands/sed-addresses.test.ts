import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const run = (line: string) => runToolLine(line);

const SIX_LINES = "printf 'a\\nb\\nc\\nd\\ne\\nf\\n' |";

// Expected outputs recorded from GNU sed 4.9 on Debian (the same lines, run by bash).
describe('sed addresses and ranges', () => {
  const cases: { name: string; script: string; out: string; code?: number }[] = [
    { name: 'sed deletes from a regex to the last line', script: "sed '/b/,$d'", out: 'a\n' },
    { name: 'sed ends a line range at a regex', script: "sed '2,/d/d'", out: 'a\ne\nf\n' },
    { name: 'sed -n prints a regex range', script: "sed -n '/b/,/d/p'", out: 'b\nc\nd\n' },
    { name: "sed looks for a range's end regex from the next line", script: "sed -n '/b/,/b/p'", out: 'b\nc\nd\ne\nf\n' },
    { name: 'sed closes a range at once when its end line is behind it', script: "sed -n '4,2p'", out: 'd\n' },
    { name: "sed counts +N lines after a range's start", script: "sed '/c/,+1d'", out: 'a\nb\ne\nf\n' },
    { name: 'sed ends a ~N range at the next multiple of N', script: "sed -n '2,~4p'", out: 'b\nc\nd\n' },
    { name: 'sed steps with first~step', script: "sed -n '1~2p'", out: 'a\nc\ne\n' },
    { name: 'sed negates an address with !', script: "sed '/c/!d'", out: 'c\n' },
    { name: 'sed negates a range with !', script: "sed -n '2,4!p'", out: 'a\ne\nf\n' },
    { name: 'sed substitutes within a range', script: "sed '2,3s/./X/'", out: 'a\nX\nX\nd\ne\nf\n' },
    { name: 'sed reopens a regex range after it closes', script: "sed -n '/[bd]/,/[ce]/p'", out: 'b\nc\nd\ne\n' },
    { name: 'sed refuses a range without an end', script: "sed '1,d'", out: "sed: -e expression #1, char 3: unexpected `,'\n", code: 1 },
  ];
  it.each(cases)('$name', async ({ script, out, code }) => {
    expect(await run(`${SIX_LINES} ${script}`)).toEqual({ out, code: code ?? 0 });
  });
});
