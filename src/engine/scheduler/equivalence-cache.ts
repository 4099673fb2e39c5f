/**
 * Identical retries made cheap. A rollout that surges past the cluster's room parks hundreds of
 * pods of one template, and every pod that leaves moves them all back (NodeResourcesFit's hint, as
 * upstream). Pods of one scheduling-equivalence class — same requests, host ports, node selector,
 * node affinity, tolerations, priority — get the same verdict on a node as long as the node has not
 * changed, provided that verdict depends on that node alone: no pod (anti-)affinity on either side,
 * no hard spread constraint, no claims, no nominated pods, no preemption victims anywhere. A verdict
 * remembers each node's filter status at the node's generation; a retry re-filters only the nodes
 * that moved since, and keeps the FailedScheduling message while no node's status changed.
 * (The equivalence cache of schedulers before v1.12 did this per predicate; ours is per class.)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Status } from './framework.ts';
import type { NodeInfo, PodInfo } from './node-info.ts';

/** What the last attempt of a class found, node by node. */
export interface Verdict {
  /** The node list it was computed on (the cache's list, replaced when a node comes or goes). */
  nodes: readonly NodeInfo[];
  generations: number[];
  /** undefined where the node fits. */
  statuses: (Status | undefined)[];
  /** The FailedScheduling message and what parked the pod, once no node fit. */
  failure?: { message: string; rejectors: ReadonlySet<string>; nominatedNodeName?: string };
}

const MAX_CLASSES = 64;

const keys = new WeakMap<NonNullable<Pod['spec']>, string | null>();
/** One string per class, however many pods of it are kept: the key is long and pods are many. */
const interned = new Map<string, string>();
const MAX_INTERNED = 1024;

function intern(key: string): string {
  const known = interned.get(key);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(key, key);
  return key;
}

/**
 * The pod's class, or undefined when its verdict on a node may depend on other nodes or pods
 * (affinity terms, DoNotSchedule spread, claims) or on its own nomination.
 */
export function equivalenceKey(pod: Pod, info: PodInfo): string | undefined {
  const spec = pod.spec;
  if (!spec || pod.status?.nominatedNodeName || info.hasAffinity) return undefined;
  let key = keys.get(spec);
  if (key === undefined) {
    const dependsOnOthers =
      (spec.topologySpreadConstraints ?? []).some((c) => c.whenUnsatisfiable === 'DoNotSchedule') || (spec.volumes ?? []).some((v) => v.persistentVolumeClaim || v.ephemeral);
    const { milliCpu, memory, ephemeralStorage, scalar } = info.requests;
    key = dependsOnOthers
      ? null
      : intern(
          JSON.stringify([
            pod.metadata?.namespace,
            milliCpu,
            memory,
            ephemeralStorage,
            [...scalar],
            info.hostPorts,
            spec.nodeName,
            spec.nodeSelector,
            spec.affinity?.nodeAffinity,
            spec.tolerations,
            spec.priority,
            spec.preemptionPolicy,
          ]),
        );
    keys.set(spec, key);
  }
  return key ?? undefined;
}

export class EquivalenceCache {
  readonly #verdicts = new Map<string, Verdict>();

  /** The class's verdict if it was computed on this node list. */
  get(key: string, nodes: readonly NodeInfo[]): Verdict | undefined {
    const verdict = this.#verdicts.get(key);
    return verdict?.nodes === nodes ? verdict : undefined;
  }

  set(key: string, verdict: Verdict): void {
    this.#verdicts.delete(key);
    this.#verdicts.set(key, verdict);
    if (this.#verdicts.size > MAX_CLASSES) this.#verdicts.delete(this.#verdicts.keys().next().value!);
  }

  delete(key: string): void {
    this.#verdicts.delete(key);
  }
}

export function sameStatus(a: Status | undefined, b: Status | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.code !== b.code || a.plugin !== b.plugin || a.reasons.length !== b.reasons.length) return false;
  return a.reasons.every((reason, i) => reason === b.reasons[i]);
}
