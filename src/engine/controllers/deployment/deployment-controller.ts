/**
 * The Deployment controller: owns ReplicaSets, one per pod template, and moves replicas from the
 * old ones to the new one by the deployment's strategy. Models pkg/controller/deployment
 * (deployment_controller.go syncDeployment, sync.go getNewReplicaSet / scale / cleanupDeployment).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../selector-match.ts';
import type { KubeObject } from '../../api/client.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import { core } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import { deepCopy } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import { controllerRefOf } from '../pod-conditions.ts';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  byCreationOldestFirst,
  computeHash,
  equalIgnoreHash,
  maxRevision,
  maxSurge,
  newReplicaSetAnnotations,
  revisionOf,
} from './deployment-util.ts';
import { rolloutRecreate } from './recreate.ts';
import { rolloutRolling } from './rolling.ts';
import { isScalingEvent, scaleProportionally } from './proportional-scaling.ts';
import { markResumedIfNeeded, setCondition, syncRolloutStatus, syncPausedStatus } from './progress.ts';

export const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' } as const;
export const REPLICASETS = { group: 'apps', version: 'v1', resource: 'replicasets' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

export class DeploymentController {
  readonly ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly deployments: Lister<Deployment>;
  readonly replicaSets: Lister<ReplicaSet>;
  readonly #pods: Lister<Pod>;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.syncDeployment(key));
    this.deployments = ctx.informers.lister<Deployment>(DEPLOYMENTS);
    this.replicaSets = ctx.informers.lister<ReplicaSet>(REPLICASETS);
    this.#pods = ctx.informers.lister<Pod>(core('pods'));
  }

  start(): void {
    watchResource(this.ctx.server, DEPLOYMENTS, (_type, d) => this.#queue.add(objectKey(d)));
    watchResource(this.ctx.server, REPLICASETS, (_type, rs) => {
      const ref = controllerRefOf(rs as ReplicaSet);
      if (ref?.kind === 'Deployment') this.#queue.add(`${rs.metadata?.namespace}/${ref.name}`);
    });
    // Recreate waits for old pods to stop: a pod going away must wake its deployment.
    watchResource(this.ctx.server, PODS, (type, pod) => {
      if (type !== 'DELETED') return;
      for (const d of this.deployments.list(pod.metadata?.namespace ?? '')) {
        if (selectorMatches(d.spec?.selector ?? {}, pod.metadata?.labels ?? {})) this.#queue.add(objectKey(d as KubeObject));
      }
    });
  }

  requeueAfter(d: Deployment, delayMs: number): void {
    this.#queue.addAfter(objectKey(d as KubeObject), delayMs);
  }

  syncDeployment(key: string): void {
    const { namespace, name } = splitKey(key);
    const cached = this.deployments.get(namespace, name);
    if (!cached) return;
    // The sync changes its deployment as it goes (conditions, revision): a copy, as upstream's DeepCopy.
    const d = deepCopy(cached);
    if (d.metadata?.deletionTimestamp) return;
    const rsList = this.#claimReplicaSets(d);
    if (d.spec?.paused) {
      this.sync(d, rsList);
      return;
    }
    markResumedIfNeeded(d, this.ctx.clock.now());
    if (isScalingEvent(d, rsList)) {
      this.sync(d, rsList);
      return;
    }
    if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(this, d, rsList, this.#podsOf(d));
    else rolloutRolling(this, d, rsList);
  }

  /** Scaling and status while paused or when only the replica count changed (sync.go sync). */
  sync(d: Deployment, rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    scaleProportionally(this, d, newRS, oldRSs);
    if (d.spec?.paused && !newRS) this.cleanupDeployment(oldRSs, d);
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    if (d.spec?.paused) syncPausedStatus(this, d, all, newRS);
    else syncRolloutStatus(this, all, newRS, d);
  }

  /** Models getAllReplicaSetsAndSyncRevision / getNewReplicaSet. */
  getAllReplicaSetsAndSyncRevision(d: Deployment, rsList: ReplicaSet[], createIfNotExisted: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const sorted = [...rsList].sort(byCreationOldestFirst);
    const existing = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const oldRSs = sorted.filter((rs) => rs !== existing);
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const annotations = newReplicaSetAnnotations(d, existing, newRevision, true);
      let rs = existing;
      const minReadySeconds = d.spec?.minReadySeconds ?? 0;
      if (JSON.stringify(annotations) !== JSON.stringify(existing.metadata?.annotations ?? {}) || (existing.spec?.minReadySeconds ?? 0) !== minReadySeconds) {
        const body = { ...existing, metadata: { ...existing.metadata, annotations }, spec: { ...existing.spec!, minReadySeconds } };
        const updated = this.ctx.server.handle({ verb: 'update', ...REPLICASETS, namespace: d.metadata!.namespace!, name: existing.metadata!.name!, body });
        if (updated.ok) rs = updated.body as ReplicaSet;
      }
      this.#setDeploymentRevision(d, revisionOf(rs));
      if (!d.status?.conditions?.some((c) => c.type === 'Progressing')) {
        setCondition(d, 'Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata!.name}"`, this.ctx.clock.now());
      }
      return { newRS: rs, oldRSs };
    }
    if (!createIfNotExisted) return { newRS: undefined, oldRSs };
    return { newRS: this.#createNewReplicaSet(d, oldRSs, newRevision), oldRSs };
  }

  #createNewReplicaSet(d: Deployment, oldRSs: ReplicaSet[], newRevision: number): ReplicaSet | undefined {
    const hash = computeHash(d.spec?.template, d.status?.collisionCount);
    const template = JSON.parse(JSON.stringify(d.spec?.template ?? {}));
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash } };
    const selector = JSON.parse(JSON.stringify(d.spec?.selector ?? {}));
    selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
    const replicas = this.newRSNewReplicas(d, oldRSs, undefined);
    const rsName = `${d.metadata!.name}-${hash}`;
    const shell: ReplicaSet = { metadata: {}, spec: { selector } };
    const body = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: d.metadata!.namespace,
        labels: template.metadata.labels,
        annotations: newReplicaSetAnnotations(d, shell, newRevision, false),
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata!.name!, uid: d.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
    };
    const created = this.ctx.server.handle({ verb: 'create', ...REPLICASETS, namespace: d.metadata!.namespace!, body });
    const now = this.ctx.clock.now();
    if (!created.ok) {
      const message = `Failed to create new replica set "${rsName}": ${created.body.message}`;
      this.ctx.recorder('deployment-controller').record(d as KubeObject, 'Warning', 'ReplicaSetCreateError', message);
      setCondition(d, 'Progressing', 'False', 'ReplicaSetCreateError', message, now);
      return undefined;
    }
    const rs = created.body as ReplicaSet;
    if (replicas > 0) {
      this.ctx.recorder('deployment-controller').record(d as KubeObject, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rsName} from 0 to ${replicas}`);
    }
    this.#setDeploymentRevision(d, newRevision);
    setCondition(d, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${rsName}"`, now);
    return rs;
  }

  /** Models NewRSNewReplicas: how big the new RS may be now. */
  newRSNewReplicas(d: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined): number {
    const replicas = d.spec?.replicas ?? 1;
    if (d.spec?.strategy?.type === 'Recreate') return replicas;
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    const current = all.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
    const maxTotal = replicas + maxSurge(d);
    const newSize = newRS?.spec?.replicas ?? 0;
    if (current >= maxTotal) return newSize;
    return newSize + Math.min(maxTotal - current, replicas - newSize);
  }

  /** Models scaleReplicaSetAndRecordEvent: resizes and records `Scaled up replica set X from A to B`. */
  scaleReplicaSet(rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
    const annotations = { ...(rs.metadata?.annotations ?? {}) };
    const desired = String(d.spec?.replicas ?? 1);
    const max = String((d.spec?.replicas ?? 1) + maxSurge(d));
    const sizeChanged = (rs.spec?.replicas ?? 0) !== newScale;
    const annotationsChanged = annotations[DESIRED_REPLICAS_ANNOTATION] !== desired || annotations[MAX_REPLICAS_ANNOTATION] !== max;
    if (!sizeChanged && !annotationsChanged) return { scaled: false, rs };
    annotations[DESIRED_REPLICAS_ANNOTATION] = desired;
    annotations[MAX_REPLICAS_ANNOTATION] = max;
    const oldScale = rs.spec?.replicas ?? 0;
    const body = { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec!, replicas: newScale } };
    const updated = this.ctx.server.handle({ verb: 'update', ...REPLICASETS, namespace: rs.metadata!.namespace!, name: rs.metadata!.name!, body });
    if (!updated.ok) return { scaled: false, rs };
    if (sizeChanged) {
      const direction = newScale > oldScale ? 'up' : 'down';
      this.ctx
        .recorder('deployment-controller')
        .record(d as KubeObject, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata!.name} from ${oldScale} to ${newScale}`);
    }
    return { scaled: sizeChanged, rs: updated.body as ReplicaSet };
  }

  /** Deletes old, empty ReplicaSets beyond revisionHistoryLimit (oldest revision first). */
  cleanupDeployment(oldRSs: ReplicaSet[], d: Deployment): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const candidates = oldRSs
      .filter((rs) => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata?.deletionTimestamp)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    const excess = oldRSs.length - limit;
    for (const rs of candidates.slice(0, Math.max(0, excess))) {
      this.ctx.server.handle({ verb: 'delete', ...REPLICASETS, namespace: rs.metadata!.namespace!, name: rs.metadata!.name! });
    }
  }

  #claimReplicaSets(d: Deployment): ReplicaSet[] {
    const selector = d.spec?.selector;
    const owned: ReplicaSet[] = [];
    for (const rs of this.replicaSets.list(d.metadata!.namespace!)) {
      const ref = controllerRefOf(rs);
      if (ref?.uid === d.metadata!.uid) owned.push(rs);
      else if (!ref && selectorMatches(selector, rs.metadata?.labels ?? {}) && !rs.metadata?.deletionTimestamp) {
        const body = {
          ...rs,
          metadata: {
            ...rs.metadata,
            ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata!.name!, uid: d.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
          },
        };
        const adopted = this.ctx.server.handle({ verb: 'update', ...REPLICASETS, namespace: rs.metadata!.namespace!, name: rs.metadata!.name!, body });
        if (adopted.ok) owned.push(adopted.body as ReplicaSet);
      }
    }
    return owned;
  }

  #podsOf(d: Deployment): Pod[] {
    const selector = d.spec?.selector;
    return this.#pods.list(d.metadata!.namespace!).filter((p) => selectorMatches(selector, p.metadata?.labels ?? {}));
  }

  #setDeploymentRevision(d: Deployment, revision: number): void {
    const current = d.metadata?.annotations?.[REVISION_ANNOTATION];
    if (current === String(revision)) return;
    const body = { ...d, metadata: { ...d.metadata, annotations: { ...d.metadata?.annotations, [REVISION_ANNOTATION]: String(revision) } } };
    const updated = this.ctx.server.handle({ verb: 'update', ...DEPLOYMENTS, namespace: d.metadata!.namespace!, name: d.metadata!.name!, body });
    if (updated.ok) {
      const stored = updated.body as Deployment;
      if (stored.metadata) d.metadata = stored.metadata;
    }
  }
}
