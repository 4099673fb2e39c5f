/**
 * Seeded fuzzing of kubectl command lines (kubectl-flags.property.ts) in a whole session with FuzzRunner's checks.
 * `npm test` runs a small budget; `npm run fuzz` a larger one (FUZZ_RUNS, FUZZ_SEED, FUZZ_PATH).
 */
import { afterAll, describe, it } from 'vitest';
import { assertFuzz } from './fuzz-check.ts';
import { FuzzRunner } from './fuzz-session.ts';
import { KUBECTL_FLAGS_SMALL_RUNS, kubectlFlagsProperty } from './kubectl-flags.property.ts';

describe('fuzzed kubectl flags', () => {
  const runner = new FuzzRunner();
  afterAll(() => runner.close());

  it('never throw, never print JavaScript errors, honour Ctrl-C, and leave the rest intact', async () => {
    await assertFuzz(kubectlFlagsProperty(runner), KUBECTL_FLAGS_SMALL_RUNS);
  }, 3_600_000);
});
