/** The scaling runs as a markdown table: cost per system, webernetes ÷ cka-lab, and growth with N. */
import type { PhaseCost } from './deployment-scenario.ts';
import type { ScenarioRun, System } from './scaling-bench.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

/** CPU of both phases, or undefined when the run did not complete them. */
export function cpuCostMs(run: ScenarioRun | undefined): number | undefined {
  return run?.create && run.update ? run.create.cpuMs + run.update.cpuMs : undefined;
}

function phases(run: ScenarioRun | undefined, of: keyof PhaseCost): string {
  if (!run) return '—';
  const create = run.create ? seconds(run.create[of]) : '—';
  const update = run.update ? seconds(run.update[of]) : '—';
  return `${create} + ${update} s`;
}

function memory(run: ScenarioRun | undefined): string {
  if (!run || run.peakRssMb === undefined) return '—';
  const heap = run.heapAfterGcMb === undefined || Number.isNaN(run.heapAfterGcMb) ? '' : ` / ${run.heapAfterGcMb.toFixed(0)}`;
  return `${run.peakRssMb.toFixed(0)}${heap} MB`;
}

/** Nodes as each cluster counts them (ours has a controlplane besides its workers). */
function nodesCell(ours: ScenarioRun | undefined, theirs: ScenarioRun | undefined): string {
  const counts = [...new Set([ours?.nodes, theirs?.nodes].filter((n) => n !== undefined))];
  return counts.length === 0 ? '—' : counts.join(' / ');
}

export function runOf(runs: ScenarioRun[], system: System, replicas: number): ScenarioRun | undefined {
  return runs.find((r) => r.system === system && r.replicas === replicas);
}

/** cost(N) ÷ cost(the size before N) for our engine, as `×2.1 (from 500)`. */
function growth(runs: ScenarioRun[], replicas: number): string {
  const sizes = [...new Set(runs.filter((r) => r.system === 'cka-lab').map((r) => r.replicas))].sort((a, b) => a - b);
  const before = sizes[sizes.indexOf(replicas) - 1];
  if (before === undefined) return '';
  const now = cpuCostMs(runOf(runs, 'cka-lab', replicas));
  const then = cpuCostMs(runOf(runs, 'cka-lab', before));
  return now !== undefined && then !== undefined ? `×${(now / then).toFixed(2)} (from ${before})` : '—';
}

export function scalingTable(runs: ScenarioRun[]): string[] {
  const sizes = [...new Set(runs.map((r) => r.replicas))].sort((a, b) => a - b);
  const lines = [
    '| N | nodes | cka-lab CPU (create + update) | cka-lab wall | cka-lab peak RSS / heap after GC | webernetes CPU | webernetes wall | webernetes peak RSS | webernetes ÷ cka-lab CPU | cka-lab growth |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const notes: string[] = [];
  for (const replicas of sizes) {
    const ours = runOf(runs, 'cka-lab', replicas);
    const theirs = runOf(runs, 'webernetes', replicas);
    const ourCost = cpuCostMs(ours);
    const theirCost = cpuCostMs(theirs);
    const ratio = ourCost !== undefined && theirCost !== undefined ? `${(theirCost / ourCost).toFixed(1)}×` : '—';
    lines.push(
      `| ${replicas} | ${nodesCell(ours, theirs)} | ${phases(ours, 'cpuMs')} | ${phases(ours, 'wallMs')} | ${memory(ours)} | ${phases(theirs, 'cpuMs')} | ${phases(theirs, 'wallMs')} | ${memory(theirs)} | ${ratio} | ${growth(runs, replicas)} |`,
    );
    for (const run of [ours, theirs]) if (run?.failure) notes.push(`- ${run.system} at N = ${replicas}: ${run.failure}`);
  }
  return [...lines, ...(notes.length > 0 ? ['', ...notes] : [])];
}
