/**
 * The message of a FailedScheduling event and of the PodScheduled=False condition. Models
 * pkg/scheduler/framework/types.go FitError.Error (each node's filter reasons counted, the
 * "<count> <reason>" strings sorted as Go's sort.Strings does) followed by DefaultPreemption's
 * PostFilter message (pkg/scheduler/framework/preemption/preemption.go Preempt): nodes whose
 * rejection was UnschedulableAndUnresolvable are where preemption "is not helpful"; on the others
 * no pod of lower priority could be evicted ("No preemption victims found").
 * (v1.34's DynamicResources added "no new claims to deallocate" for pods without claims; a v1.35
 * cluster no longer prints it.)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Status } from './framework.ts';

const histogram = (counts: Map<string, number>) => [...counts.entries()].map(([reason, count]) => `${count} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function bump(counts: Map<string, number>, reason: string): void {
  counts.set(reason, (counts.get(reason) ?? 0) + 1);
}

export function fitErrorMessage(pod: Pod, numAllNodes: number, statuses: ReadonlyMap<string, Status>): string {
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const status of statuses.values()) {
    for (const reason of status.reasons) bump(reasons, reason);
    bump(preemption, status.code === 'UnschedulableAndUnresolvable' ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod');
  }
  const available = `0/${numAllNodes} nodes are available`;
  const filterPart = reasons.size ? `${available}: ${histogram(reasons).join(', ')}.` : `${available}.`;
  // PodEligibleToPreemptOthers: a pod that may not preempt says so instead of counting nodes.
  if (pod.spec?.preemptionPolicy === 'Never') return `${filterPart} preemption: not eligible due to preemptionPolicy=Never.`;
  const postFilter = preemption.size ? `${available}: ${histogram(preemption).join(', ')}.` : `${available}.`;
  return `${filterPart} preemption: ${postFilter}`;
}
