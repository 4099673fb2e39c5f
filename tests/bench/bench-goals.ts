/** Issue 12's goals, each judged from this run's numbers: met, not met, or not measured. */
import type { InteractiveMessage } from './interactive-runner.ts';
import type { ScenarioRun } from './scaling-bench.ts';
import { cpuCostMs, runOf } from './scaling-report.ts';

interface Goal {
  text: string;
  /** The measured value in words, or undefined when this run did not measure it. */
  measured: string | undefined;
  met: boolean;
}

const shown = (value: number | undefined, text: (v: number) => string) => (value === undefined ? undefined : text(value));
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : undefined);

export function goalLines(runs: ScenarioRun[], interactive: InteractiveMessage[]): string[] {
  const latency = latencyOf(interactive);
  const scale = interactive.find((m) => m.type === 'scale');
  const ours = (n: number) => cpuCostMs(runOf(runs, 'cka-lab', n));
  const lessCpu = ratio(cpuCostMs(runOf(runs, 'webernetes', 500)), ours(500));
  const growth1000 = ratio(ours(1000), ours(500));
  const growth10000 = ratio(ours(10_000), ours(1000));
  const cpu10000 = ours(10_000);
  const heap10000 = runOf(runs, 'cka-lab', 10_000)?.heapAfterGcMb;
  const goals: Goal[] = [
    { text: '≥ 20× less CPU than webernetes at N = 500 (create + update)', measured: shown(lessCpu, (v) => `${v.toFixed(1)}×`), met: (lessCpu ?? 0) >= 20 },
    { text: 'cost(1000) / cost(500) ≤ 2.2', measured: shown(growth1000, (v) => v.toFixed(2)), met: (growth1000 ?? Infinity) <= 2.2 },
    { text: 'cost(10,000) / cost(1,000) ≤ 12', measured: shown(growth10000, (v) => v.toFixed(2)), met: (growth10000 ?? Infinity) <= 12 },
    { text: '10,000 pods created and rolled in < 60 s CPU', measured: shown(cpu10000, (v) => `${(v / 1000).toFixed(1)} s`), met: (cpu10000 ?? Infinity) < 60_000 },
    { text: '`kubectl get pods` < 20 ms at 1,000 pods', measured: shown(latency?.getPodsMs, (v) => `${v.toFixed(1)} ms`), met: (latency?.getPodsMs ?? Infinity) < 20 },
    { text: '`kubectl describe pod` < 5 ms at 1,000 pods', measured: shown(latency?.describePodMs, (v) => `${v.toFixed(1)} ms`), met: (latency?.describePodMs ?? Infinity) < 5 },
    {
      text: 'no stall over 50 ms while 1,000 new pods start at one instant',
      measured: shown(scale?.longestHostWaitMs, (v) => `longest ${v.toFixed(0)} ms`),
      met: (scale?.longestHostWaitMs ?? Infinity) <= 50,
    },
    {
      text: 'heap after GC < 300 MB at 10,000 pods',
      measured: shown(Number.isNaN(heap10000) ? undefined : heap10000, (v) => `${v.toFixed(0)} MB`),
      met: (heap10000 ?? Infinity) < 300,
    },
  ];
  return goals.map((g) => `- ${g.text}: ${g.measured === undefined ? 'not measured' : `${g.measured} — ${g.met ? 'met' : 'not met'}`}`);
}

function latencyOf(interactive: InteractiveMessage[]) {
  const found = interactive.find((m) => m.type === 'latency');
  return found?.type === 'latency' ? found : undefined;
}

export function interactiveLines(interactive: InteractiveMessage[]): string[] {
  const lines: string[] = [];
  for (const m of interactive) {
    if (m.type === 'reset') lines.push(`- lab reset (rolling-updates): ${m.labResetMs.toFixed(0)} ms`);
    else if (m.type === 'scale')
      lines.push(
        `- kubectl scale --replicas=1000: prompt back in ${m.promptBackMs.toFixed(0)} ms; the instant settled in ${(m.catchUpMs / 1000).toFixed(1)} s, the host never waiting more than ${m.longestHostWaitMs.toFixed(0)} ms for a turn`,
      );
    else
      lines.push(
        `- at 1,000 pods: kubectl get pods ${m.getPodsMs.toFixed(1)} ms (${m.getPodsCpuMs.toFixed(1)} ms CPU; goal < 20 ms), kubectl describe pod ${m.describePodMs.toFixed(1)} ms (${m.describePodCpuMs.toFixed(1)} ms CPU; goal < 5 ms) — medians`,
      );
  }
  return lines;
}
