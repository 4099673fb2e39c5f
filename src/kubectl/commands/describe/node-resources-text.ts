/**
 * `describe node`'s "Non-terminated Pods" and "Allocated resources" sections: each pod's cpu and
 * memory requests and limits with their share of the node's allocatable (truncated percent), then
 * the totals for cpu, memory, ephemeral-storage, each hugepages size and each extended resource.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNodeResource.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { humanDuration } from '../../../lib/duration/human-duration.ts';
import { parseQuantity, quantityMilliValue, quantityValue, type Quantity } from '../../../lib/quantity/quantity.ts';
import { addResourceList, podRequestsAndLimits, type QuantityList } from './pod-resource-totals.ts';
import type { PrefixWriter } from './prefix-writer.ts';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

const text = (q: Quantity | undefined) => q?.text ?? '0';
const milli = (q: Quantity | undefined) => (q ? quantityMilliValue(q) : 0);
const value = (q: Quantity | undefined) => (q ? quantityValue(q) : 0);
/** Go's int64(float64(a) / float64(b) * 100): NaN and ±Inf convert to the smallest int64 on amd64. */
function percent(part: number, whole: number): string {
  const fraction = (part / whole) * 100;
  return Number.isFinite(fraction) ? String(Math.trunc(fraction)) : '-9223372036854775808';
}

export function writeNodeResources(w: PrefixWriter, node: Node, pods: readonly Pod[], nowMs: number): void {
  const allocatableList = node.status?.allocatable && Object.keys(node.status.allocatable).length ? node.status.allocatable : (node.status?.capacity ?? {});
  const allocatable = new Map<string, Quantity>();
  for (const [name, v] of Object.entries(allocatableList)) {
    const parsed = parseQuantity(String(v));
    if (parsed.ok) allocatable.set(name, parsed.quantity);
  }
  const cpuMilli = milli(allocatable.get('cpu'));
  const memoryBytes = value(allocatable.get('memory'));
  w.line(0, `Non-terminated Pods:\t(${pods.length} in total)`);
  // describeNodeResource writes an empty column after Name (`Name\t\t`): two more spaces of padding.
  w.line(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  w.line(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---');
  const requests: QuantityList = new Map();
  const limits: QuantityList = new Map();
  for (const pod of pods) {
    const totals = podRequestsAndLimits(pod);
    addResourceList(requests, totals.requests);
    addResourceList(limits, totals.limits);
    const [cpuReq, cpuLim, memReq, memLim] = [totals.requests.get('cpu'), totals.limits.get('cpu'), totals.requests.get('memory'), totals.limits.get('memory')];
    const age = humanDuration(nowMs - Date.parse(pod.metadata?.creationTimestamp ?? ''));
    w.line(
      1,
      `${pod.metadata?.namespace}\t${pod.metadata?.name}\t\t${text(cpuReq)} (${percent(milli(cpuReq), cpuMilli)}%)\t${text(cpuLim)} (${percent(milli(cpuLim), cpuMilli)}%)\t` +
        `${text(memReq)} (${percent(value(memReq), memoryBytes)}%)\t${text(memLim)} (${percent(value(memLim), memoryBytes)}%)\t${age}`,
    );
  }
  w.line(0, 'Allocated resources:');
  w.line(1, '(Total limits may be over 100 percent, i.e., overcommitted.)');
  w.line(1, 'Resource\tRequests\tLimits');
  w.line(1, '--------\t--------\t------');
  // The totals are shown as 0% when the node has none of a resource, unlike the per-pod rows.
  const share = (q: Quantity | undefined, whole: number, scaled: (q: Quantity | undefined) => number) => (whole === 0 ? '0' : percent(scaled(q), whole));
  const row = (name: string, whole: number, scaled: (q: Quantity | undefined) => number) =>
    w.line(1, `${name}\t${text(requests.get(name))} (${share(requests.get(name), whole, scaled)}%)\t${text(limits.get(name))} (${share(limits.get(name), whole, scaled)}%)`);
  row('cpu', cpuMilli, milli);
  row('memory', memoryBytes, value);
  row('ephemeral-storage', value(allocatable.get('ephemeral-storage')), value);
  const names = [...allocatable.keys()].sort();
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) row(name, value(allocatable.get(name)), value);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD_CONTAINER_RESOURCES.has(n) && n !== 'pods'))
    w.line(1, `${name}\t${text(requests.get(name))}\t${text(limits.get(name))}`);
}
