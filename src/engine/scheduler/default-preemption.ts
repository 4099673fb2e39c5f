/**
 * DefaultPreemption's PostFilter: when no node fits, find the nodes where evicting pods of lower
 * priority would make room, pick one, and name the victims. Models
 * pkg/scheduler/framework/preemption/preemption.go (Preempt, DryRunPreemption,
 * pickOneNodeForPreemption) and plugins/defaultpreemption/default_preemption.go
 * (SelectVictimsOnNode, PodEligibleToPreemptOthers, filterPodsWithPDBViolation).
 *
 * Upstream dry-runs a random window of the nodes and breaks the last tie by map order; we try every
 * node in name order, so a replay preempts the same pods.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { labelSelectorAsRequirements, matchesLabels, type LabelSelectorObject } from '../../lib/label-selector/label-selector.ts';
import { parseTimestamp } from '../api/timestamps.ts';
import { fitErrorMessage } from './fit-error.ts';
import type { CycleState, FilterPlugin, Status } from './framework.ts';
import { NodeInfo, type PodInfo } from './node-info.ts';
import { filterWithNominatedPods, runFilterPlugins } from './nominated-pods.ts';

export interface Candidate {
  node: string;
  /** Most important first. */
  victims: Pod[];
  numPDBViolations: number;
}

/**
 * What the PostFilter decided. `message` follows FailedScheduling's node list ("" once a node is
 * nominated); `nominatedNodeName` is undefined to leave the pod's nomination alone, "" to clear it.
 */
export interface PreemptionResult {
  message: string;
  nominatedNodeName?: string;
  candidate?: Candidate;
}

export const podPriority = (pod: Pod) => pod.spec?.priority ?? 0;

const startTimeMs = (pod: Pod, nowMs: number) => parseTimestamp(pod.status?.startTime) ?? nowMs;

/** util.MoreImportantPod: higher priority first, then the one running longer. */
function moreImportantPod(a: Pod, b: Pod, nowMs: number): number {
  const byPriority = podPriority(b) - podPriority(a);
  return byPriority !== 0 ? byPriority : startTimeMs(a, nowMs) - startTimeMs(b, nowMs);
}

/** podTerminatingByPreemption. */
function terminatingByPreemption(pod: Pod): boolean {
  if (!pod.metadata?.deletionTimestamp) return false;
  const condition = pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget');
  return condition?.status === 'True' && condition.reason === 'PreemptionByScheduler';
}

/** PodEligibleToPreemptOthers: the reason the pod may not preempt, undefined when it may. */
function notEligibleReason(state: CycleState, statuses: ReadonlyMap<string, Status>): string | undefined {
  const pod = state.pod;
  if (pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated = pod.status?.nominatedNodeName;
  if (!nominated || statuses.get(nominated)?.code === 'UnschedulableAndUnresolvable') return undefined;
  const node = state.nodes.find((n) => n.name === nominated);
  for (const { pod: p } of node?.pods.values() ?? [])
    if (podPriority(p) < podPriority(pod) && terminatingByPreemption(p)) return 'not eligible due to a terminating pod on the nominated node.';
  return undefined;
}

/** What the dry run needs besides the cycle: budgets, the filters, nominated pods, the time. */
export interface PreemptionContext {
  pdbs: readonly PodDisruptionBudget[];
  filters: readonly FilterPlugin[];
  nominatedFor(node: string): Pod[];
  nowMs: number;
}

function runFilters(state: CycleState, node: NodeInfo, ctx: PreemptionContext): Status | undefined {
  return filterWithNominatedPods(state, node, ctx.nominatedFor(node.name), ctx.filters) ?? runFilterPlugins(state, node, ctx.filters);
}

/** filterPodsWithPDBViolation: victims whose eviction would take a budget below zero come first. */
function splitByPDBViolation(victims: readonly PodInfo[], pdbs: readonly PodDisruptionBudget[]): [PodInfo[], PodInfo[]] {
  const allowed = pdbs.map((pdb) => pdb.status?.disruptionsAllowed ?? 0);
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const info of victims) {
    const pod = info.pod;
    let violated = false;
    if (Object.keys(pod.metadata?.labels ?? {}).length) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata?.namespace !== pod.metadata?.namespace) return;
        const parsed = labelSelectorAsRequirements(pdb.spec?.selector as LabelSelectorObject | undefined);
        // A nil or empty selector matches nothing here.
        if (!parsed.ok || !parsed.requirements?.length || !matchesLabels(parsed.requirements, pod.metadata?.labels)) return;
        if (pdb.status?.disruptedPods?.[pod.metadata?.name ?? ''] !== undefined) return;
        if (--allowed[i]! < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(info);
  }
  return [violating, nonViolating];
}

const noVictims = (): Status => ({ code: 'UnschedulableAndUnresolvable', reasons: ['No preemption victims found for incoming pod'], plugin: 'DefaultPreemption' });

/** SelectVictimsOnNode: the fewest, least important pods whose leaving lets the pod fit. */
export function selectVictimsOnNode(state: CycleState, original: NodeInfo, ctx: PreemptionContext): { victims: Pod[]; numPDBViolations: number } | Status {
  const nowMs = ctx.nowMs;
  const priority = podPriority(state.pod);
  const potential: PodInfo[] = [];
  if (original.lowestPodPriority() >= priority) return noVictims();
  for (const info of original.pods.values()) if (podPriority(info.pod) < priority) potential.push(info);
  if (!potential.length) return noVictims();
  // Snapshot only a node with victims: most dry runs end above without touching the cache.
  const node = new NodeInfo(original.node);
  for (const info of original.pods.values()) node.addPod(info);
  for (const info of potential) node.removePod(info.pod.metadata?.uid ?? '');
  const alone = runFilters(state, node, ctx);
  if (alone) return alone;
  potential.sort((a, b) => moreImportantPod(a.pod, b.pod, nowMs));
  const [violating, nonViolating] = splitByPDBViolation(potential, ctx.pdbs);
  const victims: PodInfo[] = [];
  const reprieve = (info: PodInfo): boolean => {
    node.addPod(info);
    if (!runFilters(state, node, ctx)) return true;
    node.removePod(info.pod.metadata?.uid ?? '');
    victims.push(info);
    return false;
  };
  let numPDBViolations = 0;
  for (const info of violating) if (!reprieve(info)) numPDBViolations++;
  for (const info of nonViolating) reprieve(info);
  if (violating.length && nonViolating.length) victims.sort((a, b) => moreImportantPod(a.pod, b.pod, nowMs));
  return { victims: victims.map((v) => v.pod), numPDBViolations };
}

/** pickOneNodeForPreemption: each rule in turn narrows the ties; the first node left wins. */
export function pickOneNodeForPreemption(candidates: readonly Candidate[], nowMs: number): Candidate | undefined {
  const earliestTopStart = (c: Candidate) => Math.min(...c.victims.filter((v) => podPriority(v) === podPriority(c.victims[0]!)).map((v) => startTimeMs(v, nowMs)));
  const rules: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -podPriority(c.victims[0]!),
    // Priorities shifted by 2^31 so that many negative-priority victims never look cheaper than few.
    (c) => -c.victims.reduce((sum, v) => sum + podPriority(v) + 2 ** 31, 0),
    (c) => -c.victims.length,
    earliestTopStart,
  ];
  let left = [...candidates];
  for (const rule of rules) {
    if (left.length <= 1) break;
    const best = Math.max(...left.map(rule));
    left = left.filter((c) => rule(c) === best);
  }
  return left[0];
}

/** Evaluator.Preempt: the candidate to evict for, or why there is none. */
export function preempt(state: CycleState, statuses: ReadonlyMap<string, Status>, ctx: PreemptionContext): PreemptionResult {
  const reason = notEligibleReason(state, statuses);
  if (reason) return { message: `preemption: ${reason}` };
  const candidates: Candidate[] = [];
  const dryRun = new Map<string, Status>();
  for (const node of state.nodes) {
    if (statuses.get(node.name)?.code !== 'Unschedulable') continue;
    const result = selectVictimsOnNode(state, node, ctx);
    if ('code' in result) dryRun.set(node.name, result);
    else candidates.push({ node: node.name, ...result });
  }
  // DryRunPreemption lists the candidates that violate no budget first.
  candidates.sort((a, b) => Number(a.numPDBViolations > 0) - Number(b.numPDBViolations > 0));
  const best = pickOneNodeForPreemption(candidates, ctx.nowMs);
  if (!best) {
    const reasons = state.nodes.map((n) => dryRun.get(n.name)?.reasons ?? ['Preemption is not helpful for scheduling']);
    return { message: `preemption: ${fitErrorMessage(state.nodes.length, reasons)}`, nominatedNodeName: '' };
  }
  return { message: '', nominatedNodeName: best.node, candidate: best };
}
