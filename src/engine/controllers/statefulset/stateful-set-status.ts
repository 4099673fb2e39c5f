/**
 * The status a StatefulSet reports: counts of created, ready, available, current and updated
 * pods, its revisions, and the end of a rolling update (completeRollingUpdate).
 * Models pkg/controller/statefulset/stateful_set_control.go computeReplicaStatus / updateStatefulSetStatus.
 */
import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import type { Revisions } from './stateful-set-controller.ts';
import { getPodRevision, isCreated, isMemberOf, isRunningAndAvailable, isRunningAndReady, isTerminating } from './stateful-pod.ts';

const STATEFULSETS = { group: 'apps', version: 'v1', resource: 'statefulsets' } as const;

export function updateStatefulSetStatus(ctx: ControllerContext, set: StatefulSet, pods: Pod[], revisions: Revisions): StatefulSetStatus {
  const name = set.metadata!.name!;
  const currentRevision = revisions.current.metadata!.name!;
  const updateRevision = revisions.update.metadata!.name!;
  const minReadySeconds = set.spec?.minReadySeconds ?? 0;
  const nowMs = ctx.clock.now();
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  for (const pod of pods) {
    if (!isMemberOf(set, pod)) continue;
    if (isCreated(pod) && !isTerminating(pod)) replicas++;
    if (isRunningAndReady(pod) && !isTerminating(pod)) {
      ready++;
      if (isRunningAndAvailable(pod, minReadySeconds, nowMs)) available++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const revision = getPodRevision(pod);
      if (revision === currentRevision) current++;
      if (revision === updateRevision) updated++;
    }
  }
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata?.generation ?? 1,
    replicas,
    readyReplicas: ready,
    availableReplicas: available,
    currentReplicas: current,
    updatedReplicas: updated,
    currentRevision,
    updateRevision,
    collisionCount: revisions.collisionCount,
  };
  // completeRollingUpdate: once every pod is updated and ready, the update revision is current.
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && updated === replicas && ready === replicas && replicas === (set.spec?.replicas ?? 1)) {
    status.currentRevision = updateRevision;
    status.currentReplicas = updated;
  }
  const next: Record<string, unknown> = { ...status };
  // Go's omitempty: only replicas and availableReplicas are written when zero.
  for (const key of ['readyReplicas', 'currentReplicas', 'updatedReplicas'] as const) if (next[key] === 0) delete next[key];
  if (stableStringify(next) === stableStringify(set.status ?? {})) return status;
  ctx.server.handle({
    verb: 'update',
    ...STATEFULSETS,
    subresource: 'status',
    namespace: set.metadata!.namespace!,
    name,
    body: { ...set, status: next } as KubeObject,
  });
  return status;
}
