/**
 * Pods waiting for the node their preemption freed (status.nominatedNodeName, not yet bound). While
 * their victims terminate, a pod of no higher priority must not take that room: the filters see the
 * node as if the nominated pods already ran there. Models the scheduling queue's nominator and
 * pkg/scheduler/framework/runtime framework.go RunFilterPluginsWithNominatedPods.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState, FilterPlugin, Status } from './framework.ts';
import { NodeInfo, newPodInfo } from './node-info.ts';

export class NominatedPods {
  /** By pod uid. */
  readonly #pods = new Map<string, Pod>();

  get size(): number {
    return this.#pods.size;
  }

  /** Keeps the map in step with a pod event. */
  update(old: Pod | undefined, pod: Pod | undefined): void {
    const uid = (pod ?? old)?.metadata?.uid ?? '';
    if (pod && !pod.spec?.nodeName && !pod.metadata?.deletionTimestamp && pod.status?.nominatedNodeName) this.#pods.set(uid, pod);
    else this.#pods.delete(uid);
  }

  /** The pods nominated to `node` that `pod` must leave room for: its own priority or higher. */
  forNode(node: string, pod: Pod): Pod[] {
    if (!this.#pods.size) return [];
    const priority = pod.spec?.priority ?? 0;
    return [...this.#pods.values()].filter((p) => p.status?.nominatedNodeName === node && p.metadata?.uid !== pod.metadata?.uid && (p.spec?.priority ?? 0) >= priority);
  }
}

/** The first filter rejecting the pod on `node`, with every PreFilter recomputed for a changed node. */
export function runFilterPlugins(state: CycleState, node: NodeInfo, filters: readonly FilterPlugin[]): Status | undefined {
  const changed: CycleState = { ...state, nodes: state.nodes.map((n) => (n.name === node.name ? node : n)) };
  for (const plugin of filters) {
    const status = plugin.filter(changed, node, plugin.preFilter?.(changed));
    if (status) return status;
  }
  return undefined;
}

/** RunFilterPluginsWithNominatedPods' first pass: the node with the nominated pods added must pass too. */
export function filterWithNominatedPods(state: CycleState, node: NodeInfo, nominated: readonly Pod[], filters: readonly FilterPlugin[]): Status | undefined {
  if (!nominated.length) return undefined;
  const withNominated = new NodeInfo(node.node);
  for (const info of node.pods.values()) withNominated.addPod(info);
  for (const pod of nominated) withNominated.addPod(newPodInfo(pod));
  return runFilterPlugins(state, withNominated, filters);
}
