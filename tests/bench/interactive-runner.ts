/**
 * What a learner waits for at 1,000 pods, in a process of its own: `kubectl get pods` and
 * `kubectl describe pod` (median of several runs after a warm-up), and a lab reset (a new
 * session with the lab set up, as the Reset lab button starts one).
 */
import { performance } from 'node:perf_hooks';
import { loadLab } from '../../src/labs/load-lab.ts';
import { readLabFiles } from '../../src/cli/node-host.ts';
import { startLab } from '../../src/session/lab-session.ts';
import { runLine } from '../support/session.ts';
import { createBenchSession, runCkaLab } from './cka-lab-system.ts';
import { nodesFor } from './scaling-bench.ts';

export interface InteractiveLatency {
  type: 'latency';
  pods: number;
  getPodsMs: number;
  describePodMs: number;
  labResetMs: number;
}

const PODS = 1000;
const SAMPLES = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(run: () => Promise<unknown>, samples: number): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const session = await runCkaLab(PODS, nodesFor(PODS), () => undefined);
if (!session) throw new Error(`${PODS} pods did not become Ready`);
const pods = await runLine(session, 'kubectl get pods -o name');
const firstPod = pods.stdout.split('\n')[0]!.replace('pod/', '');
const getPodsMs = await timed(() => runLine(session, 'kubectl get pods'), SAMPLES);
const describePodMs = await timed(() => runLine(session, `kubectl describe pod ${firstPod}`), SAMPLES);

const loaded = loadLab(readLabFiles('rolling-updates')!);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const lab = loaded.lab;
const labResetMs = await timed(async () => startLab(await createBenchSession(undefined), lab), 3);

const latency: InteractiveLatency = { type: 'latency', pods: PODS, getPodsMs, describePodMs, labResetMs };
process.send!(latency);
process.disconnect();
process.exit(0);
