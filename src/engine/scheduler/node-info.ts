/**
 * One node as the scheduler sees it: the Node, its pods, the resources they request (with and
 * without the scoring defaults), the host ports they hold, and which of them carry affinity terms.
 * Kept up to date pod by pod, never recomputed from a list. Models pkg/scheduler/framework/types.go NodeInfo.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { addResource, emptyResource, nodeAllocatable, podNonZeroRequests, podRequests, type Resource } from './resources.ts';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** A pod with what the filters read from it, computed once. */
export interface PodInfo {
  pod: Pod;
  requests: Resource;
  nonZero: { milliCpu: number; memory: number };
  hostPorts: HostPort[];
  hasRequiredAntiAffinity: boolean;
  hasAffinity: boolean;
}

export function newPodInfo(pod: Pod): PodInfo {
  const affinity = pod.spec?.affinity;
  return {
    pod,
    requests: podRequests(pod),
    nonZero: podNonZeroRequests(pod),
    hostPorts: podHostPorts(pod),
    hasRequiredAntiAffinity: (affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0,
    hasAffinity: Boolean(affinity?.podAffinity || affinity?.podAntiAffinity),
  };
}

/** schedutil.GetHostPorts: the host ports of app containers (and sidecars), 0.0.0.0 when no hostIP. */
export function podHostPorts(pod: Pod): HostPort[] {
  const ports: HostPort[] = [];
  const containers = [...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'), ...(pod.spec?.containers ?? [])];
  for (const c of containers)
    for (const p of c.ports ?? []) if (p.hostPort && p.hostPort > 0) ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
  return ports;
}

/** One counter for every NodeInfo, as upstream's nextGeneration: a generation is never reused. */
let lastGeneration = 0;

export class NodeInfo {
  node: Node | undefined;
  /**
   * Moves on whenever the Node or the set of its pods changes, so a verdict computed on this node
   * can tell it is stale. A pod's status write (replacePod) keeps the spec the filters read: no move.
   */
  generation = 0;
  readonly pods = new Map<string, PodInfo>();
  /** The pods with required anti-affinity terms (NodeInfo.PodsWithRequiredAntiAffinity), by uid. */
  readonly podsWithRequiredAntiAffinity = new Map<string, PodInfo>();
  readonly requested: Resource = emptyResource();
  readonly nonZeroRequested = { milliCpu: 0, memory: 0 };
  allocatable: Resource = emptyResource();
  allowedPodNumber = 0;
  /** The lowest priority among the pods, recomputed only after the pod holding it left. */
  #lowestPriority: number | undefined = Number.POSITIVE_INFINITY;
  /** Answers computed from the pods, forgotten whenever a pod is added, removed or replaced. */
  readonly #memo = new Map<string, number>();

  constructor(node?: Node) {
    if (node) this.setNode(node);
  }

  get name(): string {
    return this.node?.metadata?.name ?? '';
  }

  setNode(node: Node): void {
    this.node = node;
    this.generation = ++lastGeneration;
    const { resource, allowedPodNumber } = nodeAllocatable(node);
    this.allocatable = resource;
    this.allowedPodNumber = allowedPodNumber;
  }

  addPod(info: PodInfo): void {
    const uid = info.pod.metadata?.uid ?? '';
    if (this.pods.has(uid)) this.removePod(uid);
    this.pods.set(uid, info);
    this.#memo.clear();
    this.generation = ++lastGeneration;
    if (info.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.set(uid, info);
    if (this.#lowestPriority !== undefined) this.#lowestPriority = Math.min(this.#lowestPriority, info.pod.spec?.priority ?? 0);
    addResource(this.requested, info.requests);
    this.nonZeroRequested.milliCpu += info.nonZero.milliCpu;
    this.nonZeroRequested.memory += info.nonZero.memory;
  }

  removePod(uid: string): void {
    const info = this.pods.get(uid);
    if (!info) return;
    this.pods.delete(uid);
    this.#memo.clear();
    this.generation = ++lastGeneration;
    this.podsWithRequiredAntiAffinity.delete(uid);
    if ((info.pod.spec?.priority ?? 0) === this.#lowestPriority) this.#lowestPriority = undefined;
    addResource(this.requested, info.requests, -1);
    this.nonZeroRequested.milliCpu -= info.nonZero.milliCpu;
    this.nonZeroRequested.memory -= info.nonZero.memory;
  }

  /** A pod's new version with the same spec (a status or metadata write): requests, ports and terms are unchanged. */
  replacePod(info: PodInfo): void {
    const uid = info.pod.metadata?.uid ?? '';
    this.pods.delete(uid);
    this.pods.set(uid, info);
    if (info.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.set(uid, info);
    this.#memo.clear();
  }

  memoizedCount(key: string, count: () => number): number {
    let value = this.#memo.get(key);
    if (value === undefined) this.#memo.set(key, (value = count()));
    return value;
  }

  /** Preemption asks it of every node at every failed attempt: most answer without a pass over the pods. */
  lowestPodPriority(): number {
    if (this.#lowestPriority === undefined) {
      this.#lowestPriority = Number.POSITIVE_INFINITY;
      for (const { pod } of this.pods.values()) this.#lowestPriority = Math.min(this.#lowestPriority, pod.spec?.priority ?? 0);
    }
    return this.#lowestPriority;
  }

  /** Whether `port` clashes with a host port held here (0.0.0.0 clashes with every address). */
  hostPortInUse(port: HostPort): boolean {
    for (const info of this.pods.values())
      for (const used of info.hostPorts)
        if (used.port === port.port && used.protocol === port.protocol && (used.ip === port.ip || used.ip === '0.0.0.0' || port.ip === '0.0.0.0')) return true;
    return false;
  }
}
