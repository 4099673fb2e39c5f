/**
 * Running a fuzz property for a budget of inputs from one seed, and naming a failure by what
 * replays it (FUZZ_SEED=… FUZZ_PATH=…) and the checks' short account of it, not fast-check's
 * print of a possibly megabyte-long input.
 */
import fc from 'fast-check';

/** The seed of every fuzzer unless FUZZ_SEED says otherwise. */
export const DEFAULT_FUZZ_SEED = 20_261_206;

export interface FuzzFailure {
  seed: number;
  path: string;
  cause: string;
}

export interface FuzzOutcome {
  /** Inputs that passed every check. */
  clean: number;
  failure?: FuzzFailure;
}

/** Runs `runs` inputs from `seed` (or just the one at `path`), stopping at the first failure unshrunk. */
export async function checkFuzz<T>(property: fc.IAsyncPropertyWithHooks<T>, runs: number, seed: number, path?: string): Promise<FuzzOutcome> {
  const details = await fc.check(property, { numRuns: runs, seed, endOnFailure: true, ...(path ? { path } : {}) });
  if (!details.failed) return { clean: details.numRuns };
  const error = details.errorInstance;
  const cause = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { clean: details.numRuns - 1, failure: { seed: details.seed, path: details.counterexamplePath ?? '', cause: cause.slice(0, 6000) } };
}

/** The replay line of a failure. */
export function replayOf(failure: FuzzFailure): string {
  return `FUZZ_SEED=${failure.seed} FUZZ_PATH=${failure.path}`;
}

/**
 * fc.check with the budget (FUZZ_RUNS, else `smallRuns`, what `npm test` affords), seed
 * (FUZZ_SEED) and path (FUZZ_PATH) of the environment; throws a failure with its replay line.
 */
export async function assertFuzz<T>(property: fc.IAsyncPropertyWithHooks<T>, smallRuns: number): Promise<void> {
  const runs = Number(process.env.FUZZ_RUNS ?? smallRuns);
  const outcome = await checkFuzz(property, runs, Number(process.env.FUZZ_SEED ?? DEFAULT_FUZZ_SEED), process.env.FUZZ_PATH);
  if (outcome.failure === undefined) return;
  throw new Error(`failed after ${outcome.clean + 1} inputs; replay with ${replayOf(outcome.failure)}\n${outcome.failure.cause}`);
}
