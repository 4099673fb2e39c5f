/**
 * The scaling runs: for each size, our engine and (at the sizes both can reach) webernetes, one
 * fresh process per run, the two systems alternating so that a busy machine weighs on both.
 */
import type { PhaseCost, RunnerMessage } from './deployment-scenario.ts';
import { runIsolated } from './isolated-run.ts';

export type System = 'cka-lab' | 'webernetes';

export interface ScenarioRun {
  system: System;
  replicas: number;
  /** Nodes the cluster had (as the cluster reports them), once the run finished. */
  nodes?: number;
  create?: PhaseCost;
  update?: PhaseCost;
  peakRssMb?: number;
  heapAfterGcMb?: number;
  /** Why the run has no complete result: a phase that stalled, or the wall-time cap. */
  failure?: string;
}

/** Nodes asked for at `replicas`: at most 100 pods a node (110 fit), and three like webernetes' default at least. */
export function nodesFor(replicas: number): number {
  return Math.max(3, Math.ceil(replicas / 100));
}

export async function runScenario(system: System, replicas: number, capMs: number): Promise<ScenarioRun> {
  const { messages, ended } = await runIsolated<RunnerMessage>('./scenario-runner.ts', [system, String(replicas), String(nodesFor(replicas))], capMs);
  const run: ScenarioRun = { system, replicas };
  for (const message of messages) {
    if (message.type === 'phase') run[message.phase] = message.cost;
    else if (message.type === 'failed') run.failure = `${message.phase} stalled at ${message.reason}`;
    else Object.assign(run, { nodes: message.nodes, peakRssMb: message.peakRssMb, heapAfterGcMb: message.heapAfterGcMb });
  }
  if (ended && !run.failure) run.failure = `${run.create ? 'update' : 'create'} ${ended}`;
  return run;
}

export async function benchScaling(sizes: number[], sharedSizes: number[], capMs: number, onRun: (run: ScenarioRun) => void): Promise<ScenarioRun[]> {
  const runs: ScenarioRun[] = [];
  for (const [i, replicas] of sizes.entries()) {
    const order: System[] = sharedSizes.includes(replicas) ? (i % 2 === 0 ? ['cka-lab', 'webernetes'] : ['webernetes', 'cka-lab']) : ['cka-lab'];
    for (const system of order) {
      const run = await runScenario(system, replicas, capMs);
      onRun(run);
      runs.push(run);
    }
  }
  return runs;
}
