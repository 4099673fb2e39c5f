/**
 * What a learner waits for, in a process of its own, each result sent as soon as it is measured:
 * a lab reset (a new session with the lab set up, as the Reset lab button starts one); how long
 * `kubectl scale deployment frontend --replicas=1000` keeps the prompt and the longest the host
 * waits for a turn while the cluster catches up (sliced as the worker slices it); and
 * `kubectl get pods` / `kubectl describe pod` at 1,000 pods (median wall and CPU time of several runs
 * after a warm-up).
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
  | { type: 'latency'; getPodsMs: number; describePodMs: number; getPodsCpuMs: number; describePodCpuMs: number };

const PODS = 1000;
const SAMPLES = 15;
/** The worker's slice (session-worker.ts). */
const SLICE_MS = 25;
const send = (message: InteractiveMessage) => process.send!(message);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall and process CPU time of `samples` runs after a warm-up: on a loaded machine the two part. */
async function timedWithCpu(run: () => Promise<unknown>, samples: number): Promise<{ wallMs: number; cpuMs: number }> {
  await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < samples; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    await run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

async function timed(run: () => Promise<unknown>, samples: number): Promise<number> {
  return (await timedWithCpu(run, samples)).wallMs;
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
// The rollout ends with the old pods still Terminating (30 s of grace): the samples time kubectl on
// 1,000 Ready pods, not the cluster deleting the rest between them.
await session.cluster.pump.advance(60_000);
const pods = await runLine(session, 'kubectl get pods -o name');
const firstPod = pods.stdout.split('\n')[0]!.replace('pod/', '');
const getPods = await timedWithCpu(() => runLine(session, 'kubectl get pods'), SAMPLES);
const describePod = await timedWithCpu(() => runLine(session, `kubectl describe pod ${firstPod}`), SAMPLES);
send({ type: 'latency', getPodsMs: getPods.wallMs, describePodMs: describePod.wallMs, getPodsCpuMs: getPods.cpuMs, describePodCpuMs: describePod.cpuMs });
process.disconnect();
process.exit(0);
