/**
 * What syncReplicaSet counts of one ReplicaSet's pods, kept up to date from the pods that changed
 * since the last sync instead of recounted from every pod on each sync: the controller syncs once
 * per pod event, so a full walk made a rollout of N pods cost N² (upstream's sync walks them all
 * too, but a real informer coalesces a burst of events into one sync; virtual time does not).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { stableStringify } from '../../store/deep-copy.ts';
import { selectorMatches } from '../selector-match.ts';
import { controllerRefOf, isPodActive, isPodReady } from '../pod-conditions.ts';

/** The counts syncReplicaSet needs, over the pods the ReplicaSet controls and that its selector matches. */
export interface PodCounts {
  /** isPodActive. */
  active: number;
  /** Active and Ready (available too when minReadySeconds is 0). */
  ready: number;
  /** Active and carrying every label of the template. */
  fullyLabeled: number;
  /** Being deleted and not finished. */
  terminating: number;
}

interface Contribution {
  active: boolean;
  ready: boolean;
  fullyLabeled: boolean;
  terminating: boolean;
}

const zero = (): PodCounts => ({ active: 0, ready: 0, fullyLabeled: 0, terminating: 0 });

/** One ReplicaSet's counts, and the pods that changed since they were last brought up to date. */
export class ReplicaSetPodTally {
  readonly uid: string;
  /** The ReplicaSet's namespace/name. */
  readonly key: string;
  readonly #shape: string;
  readonly #entries = new Map<string, Contribution>();
  readonly #dirty = new Set<string>();
  readonly counts = zero();

  constructor(rs: ReplicaSet) {
    this.uid = rs.metadata!.uid!;
    this.key = `${rs.metadata!.namespace}/${rs.metadata!.name}`;
    this.#shape = shapeOf(rs);
  }

  /** Whether the counts were made for this selector and these template labels. */
  fits(rs: ReplicaSet): boolean {
    return rs.metadata?.uid === this.uid && shapeOf(rs) === this.#shape;
  }

  markDirty(key: string): void {
    this.#dirty.add(key);
  }

  /**
   * Brings the counts up to date with the changed pods (`get` reads the cache), in key order, and
   * returns the controlled pods that the selector no longer matches: the claim releases them.
   */
  refresh(rs: ReplicaSet, get: (key: string) => Pod | undefined): Pod[] {
    const release: Pod[] = [];
    const keys = [...this.#dirty].sort();
    this.#dirty.clear();
    for (const key of keys) {
      const pod = get(key);
      const controlled = pod !== undefined && pod.metadata?.namespace === rs.metadata?.namespace && controllerRefOf(pod)?.uid === this.uid;
      if (controlled && !selectorMatches(rs.spec?.selector, pod.metadata?.labels ?? {})) release.push(pod);
      this.#set(key, controlled && !release.includes(pod) ? contributionOf(rs, pod) : undefined);
    }
    return release;
  }

  /** Counts every pod anew, as on the first sync. */
  rebuild(rs: ReplicaSet, pods: readonly Pod[], key: (pod: Pod) => string): void {
    this.#entries.clear();
    this.#dirty.clear();
    Object.assign(this.counts, zero());
    for (const pod of pods) if (selectorMatches(rs.spec?.selector, pod.metadata?.labels ?? {})) this.#set(key(pod), contributionOf(rs, pod));
  }

  /** The keys of the pods counted, for the walks only minReadySeconds needs. */
  keys(): IterableIterator<string> {
    return this.#entries.keys();
  }

  #set(key: string, next: Contribution | undefined): void {
    const previous = this.#entries.get(key);
    if (previous) this.#add(previous, -1);
    if (next) {
      this.#entries.set(key, next);
      this.#add(next, 1);
    } else this.#entries.delete(key);
  }

  #add(c: Contribution, sign: 1 | -1): void {
    if (c.active) this.counts.active += sign;
    if (c.ready) this.counts.ready += sign;
    if (c.fullyLabeled) this.counts.fullyLabeled += sign;
    if (c.terminating) this.counts.terminating += sign;
  }
}

function shapeOf(rs: ReplicaSet): string {
  return stableStringify([rs.spec?.selector ?? null, rs.spec?.template?.metadata?.labels ?? null]);
}

function contributionOf(rs: ReplicaSet, pod: Pod): Contribution {
  const active = isPodActive(pod);
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const phase = pod.status?.phase;
  return {
    active,
    ready: active && isPodReady(pod),
    fullyLabeled: active && Object.entries(templateLabels).every(([k, v]) => pod.metadata?.labels?.[k] === v),
    terminating: Boolean(pod.metadata?.deletionTimestamp) && phase !== 'Succeeded' && phase !== 'Failed',
  };
}
