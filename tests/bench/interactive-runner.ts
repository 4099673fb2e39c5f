/**
 * What a learner waits for, in a process of its own, each result sent as soon as it is measured:
 * a lab reset (a new session with the lab set up, as the Reset lab button starts one); how long
 * `kubectl scale deployment frontend --replicas=1000` keeps the prompt and the longest the host
 * waits for a turn while the cluster catches up (sliced as the worker slices it); and
 * `kubectl get pods` / `kubectl describe pod` at 1,000 pods (median of several runs after a warm-up).
 */
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { readLabFiles } from '../../src/cli/node-host.ts';
import { loadLab } from '../../src/labs/load-lab.ts';
import { startLab } from '../../src/session/lab-session.ts';
import { createInterrupt } from '../../src/shell/shell.ts';
import { runLine } from '../support/session.ts';
import { createBenchSession, runCkaLab } from './cka-lab-system.ts';
import { nodesFor } from './scaling-bench.ts';

export type InteractiveMessage =
  | { type: 'reset'; labResetMs: number }
  | { type: 'scale'; promptBackMs: number; catchUpMs: number; longestHostWaitMs: number }
  | { type: 'latency'; getPodsMs: number; describePodMs: number };

const PODS = 1000;
const SAMPLES = 7;
/** The worker's slice (session-worker.ts). */
const SLICE_MS = 25;
const send = (message: InteractiveMessage) => process.send!(message);

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

const loaded = loadLab(readLabFiles('rolling-updates')!);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const lab = loaded.lab;
send({ type: 'reset', labResetMs: await timed(async () => startLab(await createBenchSession(undefined), lab), 3) });

{
  const session = await createBenchSession(nodesFor(PODS), { elapsedMs: () => performance.now(), sliceMs: SLICE_MS });
  await runLine(session, 'kubectl create deployment frontend --image=nginx:1.26');
  const io = { stdout: { write: () => undefined }, stderr: { write: () => undefined }, interrupt: createInterrupt() };
  let start = performance.now();
  await session.run('kubectl scale deployment frontend --replicas=1000', io);
  const promptBackMs = performance.now() - start;
  let longestHostWaitMs = 0;
  let settled = false;
  let lastTurn = performance.now();
  const probe = () => {
    const now = performance.now();
    longestHostWaitMs = Math.max(longestHostWaitMs, now - lastTurn);
    lastTurn = now;
    if (!settled) setImmediate(probe);
  };
  setImmediate(probe);
  start = performance.now();
  await session.cluster.pump.settle();
  settled = true;
  send({ type: 'scale', promptBackMs, catchUpMs: performance.now() - start, longestHostWaitMs });
  session.close();
}

const session = await runCkaLab(PODS, nodesFor(PODS), () => undefined);
if (!session) throw new Error(`${PODS} pods did not become Ready`);
const pods = await runLine(session, 'kubectl get pods -o name');
const firstPod = pods.stdout.split('\n')[0]!.replace('pod/', '');
send({
  type: 'latency',
  getPodsMs: await timed(() => runLine(session, 'kubectl get pods'), SAMPLES),
  describePodMs: await timed(() => runLine(session, `kubectl describe pod ${firstPod}`), SAMPLES),
});
process.disconnect();
process.exit(0);
