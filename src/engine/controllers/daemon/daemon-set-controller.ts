/**
 * Keeps one pod of each DaemonSet on every node that should run it (node selector, affinity,
 * taints against the template's and the automatic tolerations), rolls it to a new template
 * node by node within maxUnavailable (or maxSurge), and records the revisions.
 * Models pkg/controller/daemon/daemon_controller.go (manage, syncNodes, updateDaemonSetStatus)
 * and update.go (rollingUpdate). Not namespace-bound: system DaemonSets run the same way.
 */
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import { core } from '../../client/informer-factory.ts';
import { controlledBy, CONTROLLER_INDEX, controllerIndexFunc } from '../../client/index-funcs.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  CONTROLLER_REVISIONS,
  createControllerRevision,
  equalRevisions,
  nextRevisionNumber,
  ownedRevisions,
  renumberRevision,
  revisionData,
  truncateHistory,
} from '../history/controller-history.ts';
import { controllerRefOf, isPodReady, podAvailability } from '../pod-conditions.ts';
import { newDaemonPod, nodeShouldRunDaemonPod, targetNodeOf } from './daemon-pods.ts';

const DAEMONSETS = { group: 'apps', version: 'v1', resource: 'daemonsets' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

export class DaemonSetController {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly #sets: Lister<DaemonSet>;
  readonly #pods: Lister<Pod>;
  readonly #nodes: Lister<Node>;
  readonly #revisions: Lister<ControllerRevision>;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.syncDaemonSet(key));
    this.#sets = ctx.informers.lister<DaemonSet>(DAEMONSETS);
    this.#pods = ctx.informers.informerFor<Pod>(core('pods'), { [CONTROLLER_INDEX]: controllerIndexFunc }).lister;
    this.#nodes = ctx.informers.lister<Node>(core('nodes'));
    this.#revisions = ctx.informers.lister<ControllerRevision>(CONTROLLER_REVISIONS);
  }

  start(): void {
    watchResource(this.#ctx.server, DAEMONSETS, (_type, ds) => this.#queue.add(objectKey(ds)));
    watchResource(this.#ctx.server, PODS, (_type, pod) => {
      const ref = controllerRefOf(pod as Pod);
      if (ref?.kind === 'DaemonSet') this.#queue.add(`${pod.metadata?.namespace}/${ref.name}`);
    });
    // A node added, relabelled or tainted may change where every DaemonSet runs.
    watchResource(this.#ctx.server, core('nodes'), () => {
      for (const ds of this.#sets.list()) this.#queue.add(objectKey(ds as KubeObject));
    });
  }

  syncDaemonSet(key: string): void {
    const { namespace, name } = splitKey(key);
    const ds = this.#sets.get(namespace, name);
    if (!ds || ds.metadata?.deletionTimestamp) return;
    const revision = this.#constructHistory(ds);
    if (!revision) return;
    const hash = revision.update.metadata!.labels![CONTROLLER_REVISION_HASH_LABEL]!;
    this.#manage(ds, hash);
    const pods = this.#podsByNode(ds);
    this.#updateStatus(ds, pods, hash);
    const live = new Set([revision.update.metadata!.name!]);
    for (const list of pods.values()) for (const p of list) live.add(`${name}-${p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL]}`);
    truncateHistory(this.#ctx, revision.all, live, ds.spec?.revisionHistoryLimit ?? 10);
  }

  #podsByNode(ds: DaemonSet): Map<string, Pod[]> {
    const byNode = new Map<string, Pod[]>();
    for (const pod of this.#pods.byIndex(CONTROLLER_INDEX, controlledBy(ds.metadata!.uid!))) {
      const node = targetNodeOf(pod);
      if (!node) continue;
      byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    return byNode;
  }

  /** manage + rollingUpdate: the pods to create and delete this pass. */
  #manage(ds: DaemonSet, hash: string): void {
    const byNode = this.#podsByNode(ds);
    const toCreate: string[] = [];
    const toDelete: Pod[] = [];
    const nowMs = this.#ctx.clock.now();
    const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
    for (const node of this.#nodes.list()) {
      const nodeName = node.metadata!.name!;
      const pods = (byNode.get(nodeName) ?? []).filter((p) => !p.metadata?.deletionTimestamp);
      byNode.delete(nodeName);
      const shouldRun = nodeShouldRunDaemonPod(ds, node);
      if (!shouldRun) {
        toDelete.push(...pods);
        continue;
      }
      // Failed daemon pods are deleted and replaced (podsShouldBeOnNode).
      const failed = pods.filter((p) => p.status?.phase === 'Failed');
      toDelete.push(...failed);
      const running = pods.filter((p) => p.status?.phase !== 'Failed');
      if (running.length === 0) toCreate.push(nodeName);
      else if (running.length > 1) {
        // Keep the oldest; with a surge in progress the update logic below decides.
        const sorted = [...running].sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? ''));
        const surging = sorted.some((p) => p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash);
        if (!surging) toDelete.push(...sorted.slice(1));
      }
    }
    // Pods on nodes that no longer exist.
    for (const pods of byNode.values()) toDelete.push(...pods.filter((p) => !p.metadata?.deletionTimestamp));
    if (ds.spec?.updateStrategy?.type === 'RollingUpdate') this.#rollingUpdate(ds, hash, toCreate, toDelete, nowMs, minReadySeconds);
    this.#syncNodes(ds, toCreate, toDelete, hash);
  }

  /** update.go rollingUpdate: replace old pods while at most maxUnavailable nodes lack an available pod. */
  #rollingUpdate(ds: DaemonSet, hash: string, toCreate: string[], toDelete: Pod[], nowMs: number, minReadySeconds: number): void {
    const byNode = this.#podsByNode(ds);
    const eligible = this.#nodes.list().filter((n) => nodeShouldRunDaemonPod(ds, n));
    const desired = eligible.length;
    const ru = ds.spec?.updateStrategy?.rollingUpdate;
    const scaled = (v: number | string | undefined, roundUp: boolean) => {
      if (v === undefined) return 0;
      if (typeof v === 'number') return v;
      const fraction = (Number.parseInt(v, 10) * desired) / 100;
      return roundUp ? Math.ceil(fraction) : Math.floor(fraction);
    };
    const maxSurge = scaled(ru?.maxSurge, true);
    const maxUnavailable = maxSurge === 0 ? Math.max(1, scaled(ru?.maxUnavailable, true)) : scaled(ru?.maxUnavailable, true);
    const available = (p: Pod) => isPodReady(p) && podAvailability(p, minReadySeconds, nowMs).available;
    let unavailable = 0;
    const candidates: Pod[] = [];
    for (const node of eligible) {
      const pods = (byNode.get(node.metadata!.name!) ?? []).filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Failed');
      const current = pods.find((p) => p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash);
      const old = pods.filter((p) => p !== current);
      if (!pods.length || !pods.some(available)) unavailable++;
      if (maxSurge > 0) {
        // Surge: start the new pod beside the old one, remove the old once the new is available.
        if (current && available(current)) toDelete.push(...old);
        else if (!current && old.length && !toCreate.includes(node.metadata!.name!)) candidates.push(old[0]!);
      } else if (old.length && !current) candidates.push(...old);
    }
    if (maxSurge > 0) {
      let surging = eligible.filter((n) => (byNode.get(n.metadata!.name!) ?? []).length > 1).length;
      for (const pod of candidates) {
        if (surging >= maxSurge) break;
        toCreate.push(targetNodeOf(pod)!);
        surging++;
      }
      return;
    }
    // Unavailable old pods go first: replacing them costs no availability.
    for (const pod of candidates.filter((p) => !available(p))) toDelete.push(pod);
    for (const pod of candidates.filter(available)) {
      if (unavailable >= maxUnavailable) break;
      toDelete.push(pod);
      unavailable++;
    }
  }

  #syncNodes(ds: DaemonSet, toCreate: string[], toDelete: Pod[], hash: string): void {
    const recorder = this.#ctx.recorder('daemonset-controller');
    const namespace = ds.metadata!.namespace!;
    for (const pod of new Set(toDelete)) {
      const res = this.#ctx.server.handle({ verb: 'delete', ...PODS, namespace, name: pod.metadata!.name! });
      if (res.ok) recorder.record(ds as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
      else recorder.record(ds as KubeObject, 'Warning', 'FailedDelete', `Error deleting: ${res.body.message}`);
    }
    for (const node of toCreate) {
      const res = this.#ctx.server.handle({ verb: 'create', ...PODS, namespace, body: newDaemonPod(ds, node, hash) });
      if (res.ok) recorder.record(ds as KubeObject, 'Normal', 'SuccessfulCreate', `Created pod: ${(res.body as Pod).metadata!.name}`);
      else {
        recorder.record(ds as KubeObject, 'Warning', 'FailedCreate', `Error creating: ${res.body.message}`);
        return;
      }
    }
  }

  #updateStatus(ds: DaemonSet, byNode: Map<string, Pod[]>, hash: string): void {
    const nowMs = this.#ctx.clock.now();
    const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let updated = 0;
    let available = 0;
    let soonestMs: number | undefined;
    for (const node of this.#nodes.list()) {
      const pods = (byNode.get(node.metadata!.name!) ?? []).filter((p) => !p.metadata?.deletionTimestamp);
      const shouldRun = nodeShouldRunDaemonPod(ds, node);
      if (!shouldRun) {
        if (pods.length) misscheduled++;
        continue;
      }
      desired++;
      if (!pods.length) continue;
      current++;
      const pod = [...pods].sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? ''))[0]!;
      if (isPodReady(pod)) {
        ready++;
        const availability = podAvailability(pod, minReadySeconds, nowMs);
        if (availability.available) available++;
        else if (availability.availableInMs !== undefined) soonestMs = Math.min(soonestMs ?? Infinity, availability.availableInMs);
      }
      if (pods.some((p) => p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash)) updated++;
    }
    if (soonestMs !== undefined) this.#queue.addAfter(objectKey(ds as KubeObject), soonestMs);
    const status: Record<string, unknown> = {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata?.generation ?? 1,
      updatedNumberScheduled: updated,
      numberAvailable: available,
      numberUnavailable: desired - available,
    };
    if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
    for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable']) if (status[k] === 0) delete status[k];
    if (stableStringify(status) === stableStringify(ds.status ?? {})) return;
    this.#ctx.server.handle({
      verb: 'update',
      ...DAEMONSETS,
      subresource: 'status',
      namespace: ds.metadata!.namespace!,
      name: ds.metadata!.name!,
      body: { ...ds, status } as KubeObject,
    });
  }

  /** constructHistory: the revision of the current template, created or renumbered. */
  #constructHistory(ds: DaemonSet): { update: ControllerRevision; all: ControllerRevision[] } | undefined {
    const owner = { kind: 'DaemonSet' as const, metadata: ds.metadata, spec: ds.spec } as never;
    const all = ownedRevisions(owner, this.#revisions.list(ds.metadata!.namespace!));
    const data = revisionData(ds.spec?.template);
    const equal = equalRevisions(all, data);
    const next = nextRevisionNumber(all);
    if (equal.length) {
      const found = equal[equal.length - 1]!;
      return { update: found === all[all.length - 1] ? found : renumberRevision(this.#ctx, found, next), all };
    }
    const created = createControllerRevision(this.#ctx, owner, 'apps/v1', data, next, ds.status?.collisionCount ?? 0);
    return created ? { update: created.revision, all: [...all, created.revision] } : undefined;
  }
}
