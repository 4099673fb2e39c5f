import { describe, expect, it } from 'vitest';
import { yieldCountingShell } from '../../../tests/support/run-tool-line.ts';

/** `echo` and 20,000 pairs of words on one line: 80,004 characters, 40,001 words. */
const WORDS = `echo${' t y'.repeat(20_000)}`;

const newShell = () => yieldCountingShell({ '/root/words': WORDS });

// Issue 10 §2: a source of 80 KB (eval of a variable, a sourced file, a script, what xargs builds)
// is read a slice at a time and its 40,001 words expanded a slice at a time, each slice yielding;
// before, reading and expanding it held the host for 100 ms and more without a turn (fuzz:
// FUZZ_SEED=20261206 FUZZ_PATH=21). Outputs are bash 5.2's and findutils xargs' on the same file.
describe('a large source', () => {
  const cases: { name: string; line: string; out: string }[] = [
    { name: 'source', line: 'cd /root; source words | wc -c', out: '80000\n' },
    { name: 'eval', line: 'cd /root; eval "$(cat words)" | wc -c', out: '80000\n' },
    { name: 'a script', line: 'cd /root; bash words | wc -c', out: '80000\n' },
    { name: 'xargs', line: 'cd /root; xargs echo < words | wc -c', out: '80005\n' },
  ];
  for (const { name, line, out } of cases)
    it(`${name} prints what bash prints, yielding as it reads and expands`, async () => {
      const { run, yields } = newShell();
      expect(await run(line)).toEqual({ out, code: 0 });
      // 20 slices of lexing and 78 of words, a yield each.
      expect(yields()).toBeGreaterThanOrEqual(90);
    });
});
