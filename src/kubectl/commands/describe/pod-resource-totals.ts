/**
 * What a pod asks for and is limited to, as kubectl adds it up for `describe node`: app
 * containers and sidecars summed, each init container with the sidecars before it, the larger of
 * the two, plus the pod overhead. Sums keep the first addend's format, as Quantity.Add does.
 * Models staging/src/k8s.io/kubectl/pkg/util/resource/resource.go PodRequestsAndLimits.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { addQuantities, compareQuantities, parseQuantity, type Quantity } from '../../../lib/quantity/quantity.ts';

export type QuantityList = Map<string, Quantity>;

function listOf(resources: Readonly<Record<string, unknown>> | undefined): QuantityList {
  const out: QuantityList = new Map();
  for (const [name, value] of Object.entries(resources ?? {})) {
    const parsed = parseQuantity(String(value));
    if (parsed.ok) out.set(name, parsed.quantity);
  }
  return out;
}

export function addResourceList(into: QuantityList, list: QuantityList): void {
  for (const [name, q] of list) {
    const have = into.get(name);
    into.set(name, have ? addQuantities(have, q) : q);
  }
}

function maxResourceList(into: QuantityList, list: QuantityList): void {
  for (const [name, q] of list) {
    const have = into.get(name);
    if (!have || compareQuantities(q, have) > 0) into.set(name, q);
  }
}

const isSidecar = (c: Container) => c.restartPolicy === 'Always';

function podTotal(pod: Pod, of: (c: Container) => QuantityList, overheadAlways: boolean): QuantityList {
  const total: QuantityList = new Map();
  for (const c of pod.spec?.containers ?? []) addResourceList(total, of(c));
  const sidecars: QuantityList = new Map();
  const initPeak: QuantityList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = of(c);
    let step: QuantityList;
    if (isSidecar(c)) {
      addResourceList(total, own);
      addResourceList(sidecars, own);
      step = new Map(sidecars);
    } else {
      step = new Map();
      addResourceList(step, own);
      addResourceList(step, sidecars);
    }
    maxResourceList(initPeak, step);
  }
  maxResourceList(total, initPeak);
  const overhead = listOf(pod.spec?.overhead as Record<string, unknown> | undefined);
  // podLimits adds the overhead only to the limits a pod has; podRequests always.
  if (overhead.size && (overheadAlways || total.size)) {
    if (overheadAlways) addResourceList(total, overhead);
    else for (const [name, q] of overhead) if (total.has(name)) total.set(name, addQuantities(total.get(name)!, q));
  }
  return total;
}

export function podRequestsAndLimits(pod: Pod): { requests: QuantityList; limits: QuantityList } {
  return {
    requests: podTotal(pod, (c) => listOf(c.resources?.requests as Record<string, unknown> | undefined), true),
    limits: podTotal(pod, (c) => listOf(c.resources?.limits as Record<string, unknown> | undefined), false),
  };
}
