/**
 * Keeps the number of active pods of each ReplicaSet at spec.replicas, adopting orphans that match
 * its selector and reporting replicas/ready/available in status.
 * Models pkg/controller/replicaset/replica_set.go syncReplicaSet / manageReplicas.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { selectorMatches } from '../selector-match.ts';
import type { KubeObject } from '../../api/client.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import { core } from '../../client/informer-factory.ts';
import { controlledBy, CONTROLLER_INDEX, controllerIndexFunc, orphansIn } from '../../client/index-funcs.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import { controllerRefOf, isPodActive, podAvailability } from '../pod-conditions.ts';
import { rankPodsForDeletion } from './pod-deletion-rank.ts';
import { ReplicaSetPodTally, type PodCounts } from './replica-set-pod-tally.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
const REPLICASETS = { group: 'apps', version: 'v1', resource: 'replicasets' } as const;
/** burstReplicas: the most pods one sync creates or deletes. */
const BURST_REPLICAS = 500;

export class ReplicaSetController {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly #replicaSets: Lister<ReplicaSet>;
  readonly #pods: Lister<Pod>;
  /** Each ReplicaSet's pod counts by its uid, and the uid each pod was last counted under. */
  readonly #tallies = new Map<string, ReplicaSetPodTally>();
  readonly #countedUnder = new Map<string, string>();

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.syncReplicaSet(key));
    this.#replicaSets = ctx.informers.lister<ReplicaSet>(REPLICASETS);
    this.#pods = ctx.informers.informerFor<Pod>(core('pods'), { [CONTROLLER_INDEX]: controllerIndexFunc }).lister;
  }

  start(): void {
    watchResource(this.#ctx.server, REPLICASETS, (_type, rs) => this.#queue.add(objectKey(rs)));
    watchResource(this.#ctx.server, PODS, (type, pod) => {
      this.#markChanged(pod as Pod, type === 'DELETED');
      this.#enqueueOwnersOf(pod as Pod);
    });
  }

  /** Tells the tallies that may count the pod (its controller's, and the one it was counted under) that it changed. */
  #markChanged(pod: Pod, deleted: boolean): void {
    const key = objectKey(pod as KubeObject);
    const uid = controllerRefOf(pod)?.uid;
    const before = this.#countedUnder.get(key);
    if (before !== undefined && before !== uid) this.#tallies.get(before)?.markDirty(key);
    if (uid !== undefined) this.#tallies.get(uid)?.markDirty(key);
    if (uid !== undefined && !deleted) this.#countedUnder.set(key, uid);
    else this.#countedUnder.delete(key);
  }

  #enqueueOwnersOf(pod: Pod): void {
    const namespace = pod.metadata?.namespace ?? '';
    const ref = controllerRefOf(pod);
    if (ref) {
      if (ref.kind === 'ReplicaSet') this.#queue.add(`${namespace}/${ref.name}`);
      return;
    }
    for (const rs of this.#replicaSets.list(namespace)) {
      if (selectorMatches(rs.spec?.selector ?? {}, pod.metadata?.labels ?? {})) this.#queue.add(objectKey(rs as KubeObject));
    }
  }

  syncReplicaSet(key: string): void {
    const { namespace, name } = splitKey(key);
    const rs = this.#replicaSets.get(namespace, name);
    if (!rs) {
      for (const [uid, tally] of this.#tallies) if (tally.key === key) this.#tallies.delete(uid);
      return;
    }
    if (rs.metadata?.deletionTimestamp) return;
    if (this.#pods.byIndex(CONTROLLER_INDEX, orphansIn(rs.metadata!.namespace!)).length > 0) {
      this.#syncWithOrphans(rs);
      return;
    }
    const tally = this.#tallyFor(rs);
    const get = (podKey: string) => {
      const at = splitKey(podKey);
      return this.#pods.get(at.namespace, at.name);
    };
    this.#release(rs, tally.refresh(rs, get));
    const revision = this.#ctx.server.resourceVersion();
    this.#manageReplicas(rs, tally.counts.active, () => this.#controlledPods(rs).filter((p) => isPodActive(p) && selectorMatches(rs.spec?.selector, p.metadata?.labels ?? {})));
    if (this.#ctx.server.resourceVersion() !== revision) this.#release(rs, tally.refresh(rs, get));
    this.#updateStatus(rs, tally.counts, () => [...tally.keys()].map(get).filter((p): p is Pod => p !== undefined && isPodActive(p)));
  }

  /** The full claim, as upstream's: orphans in the namespace may be adopted, so every candidate is walked. */
  #syncWithOrphans(rs: ReplicaSet): void {
    this.#tallies.delete(rs.metadata!.uid!);
    const selector = rs.spec?.selector;
    let pods = this.#claimPods(rs, selector);
    const revision = this.#ctx.server.resourceVersion();
    const active = pods.filter(isPodActive);
    this.#manageReplicas(rs, active.length, () => active);
    // Pods are claimed again only when manageReplicas wrote something: otherwise the cache is as it was.
    if (this.#ctx.server.resourceVersion() !== revision) pods = this.#claimPods(rs, selector);
    const counted = new ReplicaSetPodTally(rs);
    counted.rebuild(rs, pods, (p) => objectKey(p as KubeObject));
    this.#updateStatus(rs, counted.counts, () => pods.filter(isPodActive));
  }

  /** The tally of `rs`, counted anew when it is new or its selector or template labels changed. */
  #tallyFor(rs: ReplicaSet): ReplicaSetPodTally {
    const uid = rs.metadata!.uid!;
    const existing = this.#tallies.get(uid);
    if (existing?.fits(rs)) return existing;
    const tally = new ReplicaSetPodTally(rs);
    const controlled = this.#controlledPods(rs);
    tally.rebuild(rs, controlled, (p) => objectKey(p as KubeObject));
    // Those the selector no longer matches are left to the claim, which releases them.
    for (const pod of controlled) if (!selectorMatches(rs.spec?.selector, pod.metadata?.labels ?? {})) tally.markDirty(objectKey(pod as KubeObject));
    this.#tallies.set(uid, tally);
    return tally;
  }

  /** The pods `rs` controls in its namespace, in key order. */
  #controlledPods(rs: ReplicaSet): Pod[] {
    const namespace = rs.metadata!.namespace!;
    return this.#pods.byIndex(CONTROLLER_INDEX, controlledBy(rs.metadata!.uid!)).filter((p) => p.metadata?.namespace === namespace);
  }

  #release(rs: ReplicaSet, pods: readonly Pod[]): void {
    const uid = rs.metadata!.uid!;
    for (const pod of pods)
      this.#setOwnerReferences(
        pod,
        (pod.metadata!.ownerReferences ?? []).filter((r) => r.uid !== uid),
      );
  }

  /** Pods this RS controls, after adopting matching orphans and releasing ones that stopped matching. */
  #claimPods(rs: ReplicaSet, selector: NonNullable<ReplicaSet['spec']>['selector'] | undefined): Pod[] {
    const uid = rs.metadata!.uid!;
    const owned: Pod[] = [];
    for (const pod of this.#candidatePods(rs)) {
      const ref = controllerRefOf(pod);
      const matches = selectorMatches(selector, pod.metadata?.labels ?? {});
      if (ref?.uid === uid) {
        if (matches) owned.push(pod);
        else
          this.#setOwnerReferences(
            pod,
            (pod.metadata!.ownerReferences ?? []).filter((r) => r.uid !== uid),
          );
      } else if (!ref && matches && !pod.metadata?.deletionTimestamp) {
        const adopted = this.#setOwnerReferences(pod, [...(pod.metadata!.ownerReferences ?? []), ownerReference(rs)]);
        if (adopted) owned.push(adopted);
      }
    }
    return owned;
  }

  /** `activePods` lists the active pods in key order; only a scale-down needs them. */
  #manageReplicas(rs: ReplicaSet, activeCount: number, activePods: () => Pod[]): void {
    const diff = activeCount - (rs.spec?.replicas ?? 1);
    const recorder = this.#ctx.recorder('replicaset-controller');
    if (diff < 0) {
      const toCreate = Math.min(-diff, BURST_REPLICAS);
      for (let i = 0; i < toCreate; i++) {
        const created = this.#ctx.server.handle({ verb: 'create', ...PODS, namespace: rs.metadata!.namespace!, body: podFromTemplate(rs) });
        if (created.ok) {
          recorder.record(rs as KubeObject, 'Normal', 'SuccessfulCreate', `Created pod: ${(created.body as Pod).metadata!.name}`);
        } else {
          recorder.record(rs as KubeObject, 'Warning', 'FailedCreate', `Error creating: ${created.body.message}`);
          return; // slow start: stop at the first failure
        }
      }
    } else if (diff > 0) {
      const nowMs = this.#ctx.clock.now();
      for (const pod of rankPodsForDeletion(activePods(), nowMs, Math.min(diff, BURST_REPLICAS))) {
        const deleted = this.#ctx.server.handle({ verb: 'delete', ...PODS, namespace: pod.metadata!.namespace!, name: pod.metadata!.name! });
        if (deleted.ok) recorder.record(rs as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
      }
    }
  }

  /** `activePods` lists the active pods; only minReadySeconds needs them, to time availability. */
  #updateStatus(rs: ReplicaSet, counts: PodCounts, activePods: () => Pod[]): void {
    const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
    let available = counts.ready;
    if (minReadySeconds > 0) {
      const nowMs = this.#ctx.clock.now();
      let soonestMs: number | undefined;
      available = 0;
      for (const pod of activePods()) {
        const availability = podAvailability(pod, minReadySeconds, nowMs);
        if (availability.available) available++;
        else if (availability.availableInMs !== undefined) soonestMs = Math.min(soonestMs ?? Infinity, availability.availableInMs);
      }
      // A pod becomes available by the passage of time alone: look again exactly then.
      if (soonestMs !== undefined) this.#queue.addAfter(objectKey(rs as KubeObject), soonestMs);
    }
    // DeploymentReplicaSetTerminatingReplicas (beta, on in v1.35): pods being deleted that have not
    // finished, reported even when 0 (a pointer field).
    const status = {
      replicas: counts.active,
      fullyLabeledReplicas: counts.fullyLabeled,
      readyReplicas: counts.ready,
      availableReplicas: available,
      terminatingReplicas: counts.terminating,
      observedGeneration: rs.metadata?.generation ?? 1,
    };
    const next = { ...rs.status, ...status };
    for (const key of ['readyReplicas', 'availableReplicas', 'fullyLabeledReplicas'] as const) if (next[key] === 0) delete next[key];
    if (stableStringify(next) === stableStringify(rs.status ?? {})) return;
    this.#ctx.server.handle({ verb: 'update', ...REPLICASETS, subresource: 'status', namespace: rs.metadata!.namespace!, name: rs.metadata!.name!, body: { ...rs, status: next } });
  }

  #setOwnerReferences(pod: Pod, refs: NonNullable<NonNullable<Pod['metadata']>['ownerReferences']>): Pod | undefined {
    const metadata: Record<string, unknown> = { ...pod.metadata, ownerReferences: refs };
    if (!refs.length) delete metadata.ownerReferences;
    const body = { ...pod, metadata };
    const updated = this.#ctx.server.handle({ verb: 'update', ...PODS, namespace: pod.metadata!.namespace!, name: pod.metadata!.name!, body });
    return updated.ok ? (updated.body as Pod) : undefined;
  }

  /**
   * The pods a claim can concern: those `rs` controls and the orphans of its namespace, in key
   * order (the order the namespace's pods would be walked in), from the controller index.
   */
  #candidatePods(rs: ReplicaSet): Pod[] {
    const namespace = rs.metadata!.namespace!;
    const controlled = this.#pods.byIndex(CONTROLLER_INDEX, controlledBy(rs.metadata!.uid!)).filter((p) => p.metadata?.namespace === namespace);
    const orphans = this.#pods.byIndex(CONTROLLER_INDEX, orphansIn(namespace));
    if (orphans.length === 0) return controlled;
    const key = (p: Pod) => `${p.metadata!.namespace}/${p.metadata!.name}`;
    return [...controlled, ...orphans].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
}

function ownerReference(rs: ReplicaSet) {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata!.name!, uid: rs.metadata!.uid!, controller: true, blockOwnerDeletion: true };
}

/** Models controller_utils.go GetPodFromTemplate. */
function podFromTemplate(rs: ReplicaSet): KubeObject {
  const template: PodTemplateSpec = JSON.parse(JSON.stringify(rs.spec?.template ?? {}));
  const metadata: Record<string, unknown> = { generateName: `${rs.metadata!.name}-`, namespace: rs.metadata!.namespace, ownerReferences: [ownerReference(rs)] };
  if (template.metadata?.labels) metadata.labels = template.metadata.labels;
  if (template.metadata?.annotations) metadata.annotations = template.metadata.annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec } as KubeObject;
}
