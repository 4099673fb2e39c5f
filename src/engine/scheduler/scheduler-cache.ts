/**
 * The scheduler's cache: a NodeInfo per node, moved forward by node and pod events (a bound pod is
 * added to its node the moment its binding is written, so the next pod sees it). Pods that ended
 * (Succeeded, Failed) leave the cache, as the scheduler's pod informer filters them out.
 * Models pkg/scheduler/backend/cache/cache.go.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { NodeInfo, newPodInfo } from './node-info.ts';

export function isAssignedActivePod(pod: Pod): boolean {
  return Boolean(pod.spec?.nodeName) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export class SchedulerCache {
  readonly #nodes = new Map<string, NodeInfo>();
  /** Which node each cached pod is on, by uid. */
  readonly #podNode = new Map<string, string>();
  #sorted: NodeInfo[] | undefined;

  addNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const info = this.#nodes.get(name);
    if (info) info.setNode(node);
    else {
      this.#nodes.set(name, new NodeInfo(node));
      this.#sorted = undefined;
    }
  }

  removeNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const info = this.#nodes.get(name);
    if (!info) return;
    // A node's pods stay counted until they go; the NodeInfo lingers without its Node.
    if (info.pods.size) info.node = undefined;
    else this.#nodes.delete(name);
    this.#sorted = undefined;
  }

  /** Adds, moves or removes a pod as its latest version says. */
  updatePod(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    const name = this.#podNode.get(uid);
    if (name !== undefined && name === pod.spec?.nodeName && isAssignedActivePod(pod)) {
      // A status write shares the stored spec: what the pod requests is unchanged, only the object is new.
      const info = this.#nodes.get(name);
      const existing = info?.pods.get(uid);
      if (info && existing && existing.pod.spec === pod.spec) {
        info.replacePod({ ...existing, pod });
        return;
      }
    }
    this.removePod(uid);
    if (!isAssignedActivePod(pod)) return;
    const nodeName = pod.spec!.nodeName!;
    let info = this.#nodes.get(nodeName);
    if (!info) {
      info = new NodeInfo();
      this.#nodes.set(nodeName, info);
      this.#sorted = undefined;
    }
    info.addPod(newPodInfo(pod));
    this.#podNode.set(uid, nodeName);
  }

  removePod(uid: string): void {
    const name = this.#podNode.get(uid);
    if (name === undefined) return;
    this.#podNode.delete(uid);
    const info = this.#nodes.get(name);
    info?.removePod(uid);
    if (info && !info.node && !info.pods.size) {
      this.#nodes.delete(name);
      this.#sorted = undefined;
    }
  }

  /** The nodes that exist, in name order. */
  nodeInfos(): readonly NodeInfo[] {
    this.#sorted ??= [...this.#nodes.values()].filter((n) => n.node).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.#sorted;
  }

  /** Whether any pod here carries required anti-affinity, which every pod's verdict must then consult. */
  hasPodsWithRequiredAntiAffinity(): boolean {
    for (const info of this.#nodes.values()) if (info.podsWithRequiredAntiAffinity.size) return true;
    return false;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.#nodes.get(name);
  }
}
