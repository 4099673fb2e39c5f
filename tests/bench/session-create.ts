/**
 * CPU of one `Session.create`, the cost every lab reset and every test pays: 20 sessions after a
 * warm-up one (which also pays the once-per-process kube-system boot). Run with
 * `npx tsx tests/bench/session-create.ts`.
 */
import { cpuUsage } from 'node:process';
import { setImmediate } from 'node:timers';
import { Session } from '../../src/session/session.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const first = cpuUsage();
await Session.create({ yieldToHost });
console.log(`first session (with the kube-system boot): ${cpuMs(first).toFixed(1)} ms CPU`);
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = cpuUsage();
  await Session.create({ yieldToHost });
  times.push(cpuMs(start));
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`next 20 sessions: median ${times[10]!.toFixed(1)} ms, mean ${mean.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms CPU`);
