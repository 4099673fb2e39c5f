/**
 * `npm run bench`: how fast the simulator plays a lab and takes a paste, how soon a built page gives
 * its first prompt, then issue 12's scaling scenario against webernetes — reported as numbers and
 * ratios from one run, never asserted.
 *   BENCH_QUICK=1     only N = 100 and 500 (a few minutes); otherwise every size up to 10,000
 *   BENCH_SIZES=a,b   these sizes for our engine instead (webernetes still at 100 and 500 only)
 *   BENCH_CAP_S=600   wall-time cap of one run, after which it counts as "did not finish"
 */
import { goalLines, interactiveLines } from './bench-goals.ts';
import type { InteractiveMessage } from './interactive-runner.ts';
import { runIsolated } from './isolated-run.ts';
import { benchLabPlayback } from './lab-playback.ts';
import { benchPaste } from './paste.ts';
import { benchTextTools } from './text-tools.ts';
import { benchFirstPrompt } from './first-prompt.ts';
import { benchScaling, type ScenarioRun } from './scaling-bench.ts';
import { scalingTable } from './scaling-report.ts';

const SHARED_SIZES = [100, 500];
const ALL_SIZES = [100, 500, 1000, 2000, 5000, 10_000];
const quick = process.env.BENCH_QUICK === '1';
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : quick ? SHARED_SIZES : ALL_SIZES;
const capMs = Number(process.env.BENCH_CAP_S ?? 600) * 1000;

await benchLabPlayback();
await benchPaste();
console.log('\n## Text tools over a 16 MB file\n');
await benchTextTools();
await benchFirstPrompt();

console.log(`\n## Deployment of N nginx replicas: created until Ready, then rolled to a new image (cap ${capMs / 1000} s a run)\n`);
const describe = (run: ScenarioRun) =>
  run.failure ? `${run.system} N=${run.replicas}: ${run.failure}` : `${run.system} N=${run.replicas}: ${((run.create!.cpuMs + run.update!.cpuMs) / 1000).toFixed(1)} s CPU`;
const runs = await benchScaling(sizes, SHARED_SIZES, capMs, (run) => console.log(`  ran ${describe(run)}`));
console.log('');
for (const line of scalingTable(runs)) console.log(line);

let interactive: InteractiveMessage[] = [];
if (!quick) {
  const measured = await runIsolated<InteractiveMessage>('./interactive-runner.ts', [], capMs);
  interactive = measured.messages;
  console.log('\n## What a learner waits for\n');
  for (const line of interactiveLines(interactive)) console.log(line);
  if (measured.ended) console.log(`- the rest: not measured (${measured.ended})`);
}

console.log('\n## Goals (issue 12)\n');
for (const line of goalLines(runs, interactive)) console.log(line);
