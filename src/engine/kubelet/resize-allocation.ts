/**
 * The kubelet's side of in-place pod resize, as pure functions: whether a desired size fits the
 * node (canResizePod: Infeasible beyond allocatable, Deferred beyond what other pods leave),
 * whether applying it needs a restart (resizePolicy), what container statuses report, and the
 * resize event messages. Models pkg/kubelet/allocation/allocation_manager.go,
 * pkg/kubelet/kuberuntime computePodResizeAction and pkg/kubelet/events/resize.go.
 */
import type { Container, PodSpec, ResourceRequirements } from 'kubernetes-types/core/v1';
import { canonicalize, parseQuantity, quantityFromScaled, quantityMilliValue, quantityValue } from '../../lib/quantity/quantity.ts';

export type Resources = {
  limits?: Record<string, string>;
  requests?: Record<string, string>;
};

const isSidecar = (c: Container) => c.restartPolicy === 'Always';

/** The containers whose resources the kubelet allocates and may resize: app containers and sidecars. */
export function resizableContainers(spec: PodSpec | undefined): Container[] {
  return [...(spec?.initContainers ?? []).filter(isSidecar), ...(spec?.containers ?? [])];
}

export function copyResources(resources: ResourceRequirements | undefined): Resources {
  return {
    ...(resources?.limits ? { limits: { ...(resources.limits as Record<string, string>) } } : {}),
    ...(resources?.requests ? { requests: { ...(resources.requests as Record<string, string>) } } : {}),
  };
}

function scaled(value: string | undefined, milli: boolean): number {
  if (value === undefined) return 0;
  const parsed = parseQuantity(value);
  if (!parsed.ok) return 0;
  return milli ? quantityMilliValue(parsed.quantity) : quantityValue(parsed.quantity);
}

/** Whether two resource sets differ in what a resize changes: cpu and memory requests and limits. */
export function cpuMemoryDiffer(a: Resources, b: Resources): boolean {
  for (const list of ['limits', 'requests'] as const) {
    if (scaled(a[list]?.cpu, true) !== scaled(b[list]?.cpu, true)) return true;
    if (scaled(a[list]?.memory, false) !== scaled(b[list]?.memory, false)) return true;
  }
  return false;
}

/** computePodResizeAction: a changed resource whose resizePolicy is RestartContainer restarts the container. */
export function resizeNeedsRestart(container: Container, allocated: Resources, actuated: Resources): boolean {
  const policy = (name: string) => container.resizePolicy?.find((p) => p.resourceName === name)?.restartPolicy ?? 'NotRequired';
  const cpuChanged = scaled(allocated.limits?.cpu, true) !== scaled(actuated.limits?.cpu, true) || scaled(allocated.requests?.cpu, true) !== scaled(actuated.requests?.cpu, true);
  const memoryLimitChanged = scaled(allocated.limits?.memory, false) !== scaled(actuated.limits?.memory, false);
  return (cpuChanged && policy('cpu') === 'RestartContainer') || (memoryLimitChanged && policy('memory') === 'RestartContainer');
}

/** resource.GetResourceRequest: app containers and sidecars together, or the largest init step. */
export function podRequest(spec: PodSpec | undefined, resource: 'cpu' | 'memory', containerResources?: (c: Container) => Resources): number {
  const milli = resource === 'cpu';
  const of = (c: Container) => scaled((containerResources ? containerResources(c) : copyResources(c.resources)).requests?.[resource], milli);
  let sidecars = 0;
  let initMax = 0;
  for (const c of spec?.initContainers ?? []) {
    if (isSidecar(c)) sidecars += of(c);
    else initMax = Math.max(initMax, sidecars + of(c));
  }
  const running = sidecars + (spec?.containers ?? []).reduce((n, c) => n + of(c), 0);
  return Math.max(running, initMax);
}

export type ResizeVerdict = { fit: true } | { fit: false; reason: 'Infeasible' | 'Deferred'; message: string };

/**
 * canResizePod: beyond the node's allocatable the resize can never fit (Infeasible); beyond what
 * the other pods leave it waits (Deferred, the fit predicate's words).
 */
export function canResizePod(spec: PodSpec | undefined, allocatable: Record<string, string>, otherPods: (PodSpec | undefined)[]): ResizeVerdict {
  const cpuAvailable = scaled(allocatable.cpu, true);
  const memAvailable = scaled(allocatable.memory, false);
  const cpu = podRequest(spec, 'cpu');
  const memory = podRequest(spec, 'memory');
  if (memory > memAvailable)
    return {
      fit: false,
      reason: 'Infeasible',
      message: `Node didn't have enough capacity: memory, requested: ${memory}, capacity: ${memAvailable}`,
    };
  if (cpu > cpuAvailable)
    return {
      fit: false,
      reason: 'Infeasible',
      message: `Node didn't have enough capacity: cpu, requested: ${cpu}, capacity: ${cpuAvailable}`,
    };
  for (const [name, requested, capacity] of [
    ['cpu', cpu, cpuAvailable],
    ['memory', memory, memAvailable],
  ] as const) {
    const used = otherPods.reduce((n, other) => n + podRequest(other, name), 0);
    if (requested > capacity - used) {
      return {
        fit: false,
        reason: 'Deferred',
        message: `Node didn't have enough resource: ${name}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
      };
    }
  }
  return { fit: true };
}

/**
 * convertContainerStatusResources for a running container: cpu as the runtime reports it (whole
 * millicores), the memory limit in bytes (BinarySI, so `100M` reads `100000000`); the rest as allocated.
 */
export function runtimeResources(actuated: Resources): Resources {
  const out = copyResources(actuated as ResourceRequirements);
  const cpu = (v: string) => canonicalize(quantityFromScaled(scaled(v, true), -3, 'DecimalSI'));
  if (out.limits?.cpu !== undefined) out.limits.cpu = cpu(out.limits.cpu);
  if (out.requests?.cpu !== undefined) out.requests.cpu = cpu(out.requests.cpu);
  if (out.limits?.memory !== undefined) out.limits.memory = canonicalize(quantityFromScaled(Math.ceil(scaled(out.limits.memory, false)), 0, 'BinarySI'));
  return out;
}

/** Go's json.Marshal of a ResourceRequirements: limits before requests, map keys sorted. */
function resourcesJson(resources: Resources): Record<string, Record<string, string>> {
  const sorted = (list: Record<string, string>) =>
    Object.fromEntries(
      Object.keys(list)
        .sort()
        .map((k) => [k, list[k]!]),
    );
  return {
    ...(resources.limits ? { limits: sorted(resources.limits) } : {}),
    ...(resources.requests ? { requests: sorted(resources.requests) } : {}),
  };
}

/** podResizeMessage: `Pod resize started: {"containers":[{"name":"app","resources":{…}}],"generation":2}`. */
export function resizeMessage(prefix: string, spec: PodSpec | undefined, generation: number, error?: string): string {
  const entry = (c: Container) => ({
    name: c.name,
    resources: resourcesJson(copyResources(c.resources)),
  });
  const inits = (spec?.initContainers ?? []).map(entry);
  const containers = (spec?.containers ?? []).map(entry);
  const summary = {
    ...(inits.length ? { initContainers: inits } : {}),
    ...(containers.length ? { containers } : {}),
    generation,
    ...(error ? { error } : {}),
  };
  return `${prefix}: ${JSON.stringify(summary)}`;
}
