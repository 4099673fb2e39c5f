/**
 * What a pod asks of a node and what a node offers, in the scheduler's units: milli-cpu, bytes,
 * and a count for everything else. Models pkg/scheduler/framework/types.go (Resource) and
 * staging/src/k8s.io/component-helpers/resource/helpers.go PodRequests.
 */
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity, quantityMilliValue, quantityValue } from '../../lib/quantity/quantity.ts';

export interface Resource {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources and hugepages, by name. */
  scalar: Map<string, number>;
}

/** pkg/scheduler/util DefaultMilliCPURequest and DefaultMemoryRequest: what scoring assumes for a pod that asks nothing. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** The kubelet's default maxPods. */
export const DEFAULT_MAX_PODS = 110;

export function emptyResource(): Resource {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, scalar: new Map() };
}

function amount(name: string, value: unknown): number {
  if (value === undefined || value === null) return 0;
  const parsed = parseQuantity(String(value));
  if (!parsed.ok) return 0;
  return name === 'cpu' ? quantityMilliValue(parsed.quantity) : quantityValue(parsed.quantity);
}

/** Reads a ResourceList (a container's requests, a node's allocatable). */
export function resourceFromList(list: Readonly<Record<string, unknown>> | undefined): Resource {
  const out = emptyResource();
  for (const [name, value] of Object.entries(list ?? {})) addAmount(out, name, amount(name, value));
  return out;
}

function addAmount(r: Resource, name: string, value: number): void {
  if (name === 'cpu') r.milliCpu += value;
  else if (name === 'memory') r.memory += value;
  else if (name === 'ephemeral-storage') r.ephemeralStorage += value;
  else if (name !== 'pods') r.scalar.set(name, (r.scalar.get(name) ?? 0) + value);
}

function add(into: Resource, r: Resource, sign = 1): void {
  into.milliCpu += sign * r.milliCpu;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [name, value] of r.scalar) into.scalar.set(name, (into.scalar.get(name) ?? 0) + sign * value);
}

function max(into: Resource, r: Resource): void {
  into.milliCpu = Math.max(into.milliCpu, r.milliCpu);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  for (const [name, value] of r.scalar) into.scalar.set(name, Math.max(into.scalar.get(name) ?? 0, value));
}

export { add as addResource };

const isSidecar = (c: Container) => c.restartPolicy === 'Always';

/**
 * PodRequests: app containers and sidecars run together; each init container runs with the
 * sidecars started before it; the pod needs the larger of the two, plus its overhead.
 */
export function podRequests(pod: Pod): Resource {
  const running = emptyResource();
  const sidecars = emptyResource();
  const initPeak = emptyResource();
  for (const c of pod.spec?.initContainers ?? []) {
    const r = resourceFromList(c.resources?.requests as Record<string, unknown> | undefined);
    if (isSidecar(c)) {
      add(sidecars, r);
      add(running, r);
    } else {
      const step = emptyResource();
      add(step, sidecars);
      add(step, r);
      max(initPeak, step);
    }
  }
  for (const c of pod.spec?.containers ?? []) add(running, resourceFromList(c.resources?.requests as Record<string, unknown> | undefined));
  max(running, initPeak);
  add(running, resourceFromList(pod.spec?.overhead as Record<string, unknown> | undefined));
  return running;
}

/** GetNonzeroRequests: cpu and memory with the scoring defaults for containers that ask none. */
export function podNonZeroRequests(pod: Pod): { milliCpu: number; memory: number } {
  const of = (c: Container) => {
    const r = resourceFromList(c.resources?.requests as Record<string, unknown> | undefined);
    const has = (name: string) => (c.resources?.requests as Record<string, unknown> | undefined)?.[name] !== undefined;
    return { milliCpu: has('cpu') ? r.milliCpu : DEFAULT_MILLI_CPU_REQUEST, memory: has('memory') ? r.memory : DEFAULT_MEMORY_REQUEST };
  };
  let cpu = 0;
  let memory = 0;
  let sidecarCpu = 0;
  let sidecarMemory = 0;
  let initCpu = 0;
  let initMemory = 0;
  for (const c of pod.spec?.initContainers ?? []) {
    const r = of(c);
    if (isSidecar(c)) {
      sidecarCpu += r.milliCpu;
      sidecarMemory += r.memory;
    } else {
      initCpu = Math.max(initCpu, sidecarCpu + r.milliCpu);
      initMemory = Math.max(initMemory, sidecarMemory + r.memory);
    }
  }
  for (const c of pod.spec?.containers ?? []) {
    const r = of(c);
    cpu += r.milliCpu;
    memory += r.memory;
  }
  const overhead = resourceFromList(pod.spec?.overhead as Record<string, unknown> | undefined);
  return {
    milliCpu: Math.max(cpu + sidecarCpu, initCpu) + overhead.milliCpu,
    memory: Math.max(memory + sidecarMemory, initMemory) + overhead.memory,
  };
}

/** A node's allocatable resources and the number of pods it admits. */
export function nodeAllocatable(node: Node | undefined): { resource: Resource; allowedPodNumber: number } {
  const list = (node?.status?.allocatable ?? {}) as Record<string, unknown>;
  return { resource: resourceFromList(list), allowedPodNumber: list.pods === undefined ? 0 : amount('pods', list.pods) };
}
