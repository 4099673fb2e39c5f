/**
 * Seeded fuzzing of manifests (manifests.property.ts) in a whole session with FuzzRunner's checks.
 * `npm test` runs a small budget; `npm run fuzz` a larger one (FUZZ_RUNS, FUZZ_SEED, FUZZ_PATH).
 */
import { afterAll, describe, it } from 'vitest';
import { assertFuzz } from './fuzz-check.ts';
import { FuzzRunner } from './fuzz-session.ts';
import { MANIFESTS_SMALL_RUNS, manifestsProperty } from './manifests.property.ts';

describe('fuzzed manifests', () => {
  const runner = new FuzzRunner();
  afterAll(() => runner.close());

  it('never throw, never print JavaScript errors, honour Ctrl-C, and leave the rest intact', async () => {
    await assertFuzz(manifestsProperty(runner), MANIFESTS_SMALL_RUNS);
  }, 3_600_000);
});
