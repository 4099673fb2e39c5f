/**
 * The node list of a FailedScheduling message: "0/<n> nodes are available: " and each node's
 * filter reasons counted, the "<count> <reason>" strings sorted as Go's sort.Strings does. Models
 * pkg/scheduler/framework/types.go FitError.Error; the scheduler appends the PostFilter's message
 * (`default-preemption.ts`), which words its own dry run the same way.
 * (v1.34's DynamicResources added "no new claims to deallocate" for pods without claims; a v1.35
 * cluster no longer prints it.)
 */
export function fitErrorMessage(numAllNodes: number, reasonsByNode: Iterable<readonly string[]>, preFilterMsg?: string): string {
  // A PreFilter rejection is the whole diagnosis: no per-node histogram.
  if (preFilterMsg) return `0/${numAllNodes} nodes are available: ${preFilterMsg}.`;
  const counts = new Map<string, number>();
  for (const reasons of reasonsByNode) for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const histogram = [...counts.entries()].map(([reason, count]) => `${count} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const available = `0/${numAllNodes} nodes are available`;
  return histogram.length ? `${available}: ${histogram.join(', ')}.` : `${available}.`;
}
