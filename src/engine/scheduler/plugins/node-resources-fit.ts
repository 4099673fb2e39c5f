/**
 * Models pkg/scheduler/framework/plugins/noderesources (fit.go fitsRequest, least_allocated.go):
 * the pod must fit what the node's pods leave of its allocatable, one pod slot included; nodes
 * with more room left score higher. A request larger than the whole node is unresolvable, so
 * preemption is not tried there.
 */
import type { FilterPlugin, ScorePlugin } from '../framework.ts';
import { MAX_NODE_SCORE, unschedulable } from '../framework.ts';

export const ERR_REASON_TOO_MANY_PODS = 'Too many pods';

export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(state, node) {
    const reasons: string[] = [];
    if (node.pods.size + 1 > node.allowedPodNumber) reasons.push(ERR_REASON_TOO_MANY_PODS);
    const want = state.podInfo.requests;
    let unresolvable = checkResource(reasons, 'cpu', want.milliCpu, node.requested.milliCpu, node.allocatable.milliCpu);
    unresolvable = checkResource(reasons, 'memory', want.memory, node.requested.memory, node.allocatable.memory) || unresolvable;
    unresolvable = checkResource(reasons, 'ephemeral-storage', want.ephemeralStorage, node.requested.ephemeralStorage, node.allocatable.ephemeralStorage) || unresolvable;
    for (const [name, value] of want.scalar) {
      unresolvable = checkResource(reasons, name, value, node.requested.scalar.get(name) ?? 0, node.allocatable.scalar.get(name) ?? 0) || unresolvable;
    }
    if (!reasons.length) return undefined;
    return unschedulable('NodeResourcesFit', unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', ...reasons);
  },
};

/**
 * Adds `Insufficient <name>` when the request does not fit what is left; true when it exceeds the
 * whole node. A module function, not a closure: the filter runs for every node of every attempt.
 */
function checkResource(reasons: string[], name: string, requested: number, used: number, capacity: number): boolean {
  if (requested <= 0 || requested <= capacity - used) return false;
  reasons.push(`Insufficient ${name}`);
  return requested > capacity;
}

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated over cpu and memory (weight 1 each), counting the scoring defaults for pods without requests. */
export const leastAllocatedScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(state, nodes) {
    const pod = state.podInfo.nonZero;
    return nodes.map((n) => {
      const cpu = leastRequestedScore(n.nonZeroRequested.milliCpu + pod.milliCpu, n.allocatable.milliCpu);
      const memory = leastRequestedScore(n.nonZeroRequested.memory + pod.memory, n.allocatable.memory);
      return Math.trunc((cpu + memory) / 2);
    });
  },
};

/**
 * NodeResourcesBalancedAllocation: nodes whose cpu and memory fractions stay close score higher.
 * Best-effort pods (no requests) skip it.
 */
export const balancedAllocationScore: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(state, nodes) {
    const want = state.podInfo.requests;
    if (want.milliCpu === 0 && want.memory === 0) return undefined;
    return nodes.map((n) => {
      const fraction = (requested: number, capacity: number) => (capacity === 0 ? 1 : Math.min(1, requested / capacity));
      const cpu = fraction(n.requested.milliCpu + want.milliCpu, n.allocatable.milliCpu);
      const memory = fraction(n.requested.memory + want.memory, n.allocatable.memory);
      const std = Math.abs(cpu - memory) / 2;
      return Math.trunc((1 - std) * MAX_NODE_SCORE);
    });
  },
};
