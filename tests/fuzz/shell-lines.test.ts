/**
 * Seeded fuzzing of the shell over lines made of its grammar's pieces (shell-lines.property.ts).
 * `npm test` runs a small budget; `npm run fuzz` a larger one (FUZZ_RUNS, FUZZ_SEED, FUZZ_PATH).
 */
import { describe, it } from 'vitest';
import { assertFuzz } from './fuzz-check.ts';
import { SHELL_LINES_SMALL_RUNS, shellLinesProperty } from './shell-lines.property.ts';

describe('fuzzed shell lines', () => {
  it('never throw, never print JavaScript errors, and end soon after Ctrl-C', async () => {
    await assertFuzz(shellLinesProperty(), SHELL_LINES_SMALL_RUNS);
  }, 3_600_000);
});
