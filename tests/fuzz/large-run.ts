/**
 * `npm run fuzz`: the large run, in one long process. Each fuzzer runs FUZZ_RUNS inputs (default
 * 1000) in chunks, one seed per chunk from FUZZ_SEED up, the three taking turns so that a run cut
 * short has covered all of them; a line after each chunk gives the counts so far. A failure is
 * printed with its replay line and the fuzzer goes on from the next seed; at the end, the inputs
 * run clean per fuzzer and the seeds they came from (the next run continues at FUZZ_SEED=last+1).
 * FUZZ_ONLY=shell-lines,manifests picks fuzzers.
 */
import fc from 'fast-check';
import { DEFAULT_FUZZ_SEED, checkFuzz, replayOf } from './fuzz-check.ts';
import { FuzzRunner } from './fuzz-session.ts';
import { shellLinesProperty } from './shell-lines.property.ts';
import { kubectlFlagsProperty } from './kubectl-flags.property.ts';
import { manifestsProperty } from './manifests.property.ts';

interface Fuzzer {
  name: string;
  /** Inputs per seed: about the same real time for each fuzzer. */
  chunk: number;
  property: fc.IAsyncPropertyWithHooks<never>;
  runner?: FuzzRunner;
  clean: number;
  failures: number;
  /** Real and CPU time spent on its inputs. */
  seconds: number;
  cpuSeconds: number;
  nextSeed: number;
}

const runs = Number(process.env.FUZZ_RUNS ?? 1000);
const firstSeed = Number(process.env.FUZZ_SEED ?? DEFAULT_FUZZ_SEED);
const only = process.env.FUZZ_ONLY?.split(',');

function fuzzer(name: string, chunk: number, property: fc.IAsyncPropertyWithHooks<never>, runner?: FuzzRunner): Fuzzer {
  return { name, chunk, property, ...(runner ? { runner } : {}), clean: 0, failures: 0, seconds: 0, cpuSeconds: 0, nextSeed: firstSeed };
}

const flagsRunner = new FuzzRunner();
const manifestsRunner = new FuzzRunner();
const fuzzers = [
  fuzzer('shell-lines', 500, shellLinesProperty() as fc.IAsyncPropertyWithHooks<never>),
  fuzzer('kubectl-flags', 200, kubectlFlagsProperty(flagsRunner) as fc.IAsyncPropertyWithHooks<never>, flagsRunner),
  fuzzer('manifests', 50, manifestsProperty(manifestsRunner) as fc.IAsyncPropertyWithHooks<never>, manifestsRunner),
].filter((f) => only === undefined || only.includes(f.name));

function rate(inputs: number, seconds: number): string {
  return (inputs / Math.max(seconds, 1e-3)).toFixed(1);
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function summary(): string {
  const lines = fuzzers.map(
    (f) =>
      `  ${f.name}: ${f.clean} clean, ${f.failures} failed, seeds ${firstSeed}–${f.nextSeed - 1}, ${rate(f.clean, f.seconds)} inputs/s real, ${rate(f.clean, f.cpuSeconds)} inputs/s CPU`,
  );
  const total = fuzzers.reduce((sum, f) => sum + f.clean, 0);
  return `${total} inputs run clean\n${lines.join('\n')}`;
}

process.on('SIGINT', () => {
  process.stdout.write(`\ninterrupted: ${summary()}\n`);
  process.exit(130);
});

const done = (f: Fuzzer) => f.clean + f.failures >= runs;
while (fuzzers.some((f) => !done(f))) {
  for (const f of fuzzers) {
    if (done(f)) continue;
    const seed = f.nextSeed++;
    const started = performance.now();
    const startedCpu = cpuSeconds();
    const outcome = await checkFuzz(f.property, Math.min(f.chunk, runs - f.clean - f.failures), seed);
    f.seconds += (performance.now() - started) / 1000;
    f.cpuSeconds += cpuSeconds() - startedCpu;
    f.clean += outcome.clean;
    if (outcome.failure !== undefined) {
      f.failures++;
      process.stdout.write(`${f.name} FAILED: replay with ${replayOf(outcome.failure)} npx vitest run tests/fuzz/${f.name}.test.ts\n${outcome.failure.cause}\n`);
    }
    process.stdout.write(`${f.name} seed ${seed}: ${outcome.clean} clean · total ${f.clean} clean in ${Math.round(f.seconds)} s (${Math.round(f.cpuSeconds)} s CPU)\n`);
  }
}
for (const f of fuzzers) f.runner?.close();
process.stdout.write(`${summary()}\n`);
process.exitCode = fuzzers.some((f) => f.failures > 0) ? 1 : 0;
