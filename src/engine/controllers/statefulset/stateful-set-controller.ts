/**
 * Runs each StatefulSet's pods `<name>-0…<name>-(n-1)`: created in order and one at a time
 * (OrderedReady) or all at once (Parallel), removed from the highest ordinal down, replaced from
 * the highest ordinal down to the partition on a rolling update, and the revisions recorded as
 * ControllerRevisions. Models pkg/controller/statefulset/stateful_set.go and
 * stateful_set_control.go (updateStatefulSet, updateStatefulSetAfterInvariantEstablished).
 */
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import { core } from '../../client/informer-factory.ts';
import { controlledBy, CONTROLLER_INDEX, controllerIndexFunc, orphansIn } from '../../client/index-funcs.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import type { ControllerContext } from '../controller-context.ts';
import {
  CONTROLLER_REVISIONS,
  createControllerRevision,
  equalRevisions,
  nextRevisionNumber,
  ownedRevisions,
  renumberRevision,
  revisionData,
  templateOf,
  truncateHistory,
} from '../history/controller-history.ts';
import { controllerRefOf, podAvailability } from '../pod-conditions.ts';
import { selectorMatches } from '../selector-match.ts';
import { syncStatefulSetPods } from './stateful-set-pods.ts';
import { getPodRevision } from './stateful-pod.ts';
import { updateStatefulSetStatus } from './stateful-set-status.ts';

export const STATEFULSETS = { group: 'apps', version: 'v1', resource: 'statefulsets' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

export interface Revisions {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

export class StatefulSetController {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly #sets: Lister<StatefulSet>;
  readonly #pods: Lister<Pod>;
  readonly #revisions: Lister<ControllerRevision>;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.syncStatefulSet(key));
    this.#sets = ctx.informers.lister<StatefulSet>(STATEFULSETS);
    this.#pods = ctx.informers.informerFor<Pod>(core('pods'), { [CONTROLLER_INDEX]: controllerIndexFunc }).lister;
    this.#revisions = ctx.informers.lister<ControllerRevision>(CONTROLLER_REVISIONS);
  }

  start(): void {
    watchResource(this.#ctx.server, STATEFULSETS, (_type, set) => this.#queue.add(objectKey(set)));
    watchResource(this.#ctx.server, PODS, (_type, pod) => this.#enqueueOwnerOf(pod as Pod));
  }

  #enqueueOwnerOf(pod: Pod): void {
    const ref = controllerRefOf(pod);
    const namespace = pod.metadata?.namespace ?? '';
    if (ref) {
      if (ref.kind === 'StatefulSet') this.#queue.add(`${namespace}/${ref.name}`);
      return;
    }
    for (const set of this.#sets.list(namespace)) {
      if (selectorMatches(set.spec?.selector ?? {}, pod.metadata?.labels ?? {})) this.#queue.add(objectKey(set as KubeObject));
    }
  }

  syncStatefulSet(key: string): void {
    const { namespace, name } = splitKey(key);
    const set = this.#sets.get(namespace, name);
    if (!set || set.metadata?.deletionTimestamp) return;
    const revisions = this.#getStatefulSetRevisions(set);
    if (!revisions) return;
    const templates = { current: templateOf(revisions.current), update: templateOf(revisions.update) };
    syncStatefulSetPods(this.#ctx, set, this.#claimPods(set), revisions, templates);
    const pods = this.#claimPods(set);
    updateStatefulSetStatus(this.#ctx, set, pods, revisions);
    this.#requeueForAvailability(set, pods);
    const live = new Set([revisions.current.metadata!.name!, revisions.update.metadata!.name!]);
    for (const pod of pods) live.add(getPodRevision(pod));
    truncateHistory(this.#ctx, ownedRevisions(set as never, this.#revisions.list(namespace)), live, set.spec?.revisionHistoryLimit ?? 10);
  }

  /** A pod becomes available by the passage of time alone: look again exactly then. */
  #requeueForAvailability(set: StatefulSet, pods: Pod[]): void {
    const minReadySeconds = set.spec?.minReadySeconds ?? 0;
    if (minReadySeconds <= 0) return;
    const nowMs = this.#ctx.clock.now();
    const waits = pods.map((p) => podAvailability(p, minReadySeconds, nowMs).availableInMs).filter((ms): ms is number => ms !== undefined);
    if (waits.length) this.#queue.addAfter(objectKey(set as KubeObject), Math.min(...waits));
  }

  /** Pods this set controls, adopting matching orphans whose names are its members'. */
  #claimPods(set: StatefulSet): Pod[] {
    const uid = set.metadata!.uid!;
    const namespace = set.metadata!.namespace!;
    const owned = this.#pods.byIndex(CONTROLLER_INDEX, controlledBy(uid)).filter((p) => p.metadata?.namespace === namespace);
    const selector = set.spec?.selector ?? {};
    const result = owned.filter((p) => selectorMatches(selector, p.metadata?.labels ?? {}));
    for (const pod of this.#pods.byIndex(CONTROLLER_INDEX, orphansIn(namespace))) {
      if (pod.metadata?.deletionTimestamp || !selectorMatches(selector, pod.metadata?.labels ?? {})) continue;
      const refs = [
        ...(pod.metadata?.ownerReferences ?? []),
        { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata!.name!, uid, controller: true, blockOwnerDeletion: true },
      ];
      const adopted = this.#ctx.server.handle({
        verb: 'update',
        ...PODS,
        namespace,
        name: pod.metadata!.name!,
        body: { ...pod, metadata: { ...pod.metadata, ownerReferences: refs } } as KubeObject,
      });
      if (adopted.ok) result.push(adopted.body as Pod);
    }
    return result;
  }

  /** getStatefulSetRevisions: the current revision and the one the template is at now. */
  #getStatefulSetRevisions(set: StatefulSet): Revisions | undefined {
    const owner = { kind: 'StatefulSet' as const, metadata: set.metadata, spec: set.spec } as never;
    const revisions = ownedRevisions(owner, this.#revisions.list(set.metadata!.namespace!));
    let collisionCount = set.status?.collisionCount ?? 0;
    const data = revisionData(set.spec?.template as PodTemplateSpec);
    const equal = equalRevisions(revisions, data);
    const next = nextRevisionNumber(revisions);
    let update: ControllerRevision;
    if (equal.length && equal[equal.length - 1] === revisions[revisions.length - 1]) {
      update = equal[equal.length - 1]!;
    } else if (equal.length) {
      update = renumberRevision(this.#ctx, equal[equal.length - 1]!, next);
    } else {
      const created = createControllerRevision(this.#ctx, owner, 'apps/v1', data, next, collisionCount);
      if (!created) return undefined;
      update = created.revision;
      collisionCount = created.collisionCount;
    }
    const current = revisions.find((r) => r.metadata?.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount };
  }
}
