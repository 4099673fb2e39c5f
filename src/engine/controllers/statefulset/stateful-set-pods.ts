/**
 * One pass of the StatefulSet's pod management: replace failed pods, create missing ordinals,
 * remove condemned ones from the highest ordinal down, then roll pods to the update revision.
 * Models pkg/controller/statefulset/stateful_set_control.go updateStatefulSet.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import type { ControllerContext } from '../controller-context.ts';
import type { Revisions } from './stateful-set-controller.ts';
import {
  getOrdinal,
  getPodRevision,
  getStartOrdinal,
  isCreated,
  isFailed,
  isHealthy,
  isMemberOf,
  isRunningAndAvailable,
  isSucceeded,
  isTerminating,
  newStatefulSetPod,
} from './stateful-pod.ts';
import { createClaims } from './stateful-pod-claims.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

interface Templates {
  current: PodTemplateSpec;
  update: PodTemplateSpec;
}

export function syncStatefulSetPods(ctx: ControllerContext, set: StatefulSet, pods: Pod[], revisions: Revisions, templates: Templates): void {
  const recorder = ctx.recorder('statefulset-controller');
  const setName = set.metadata!.name!;
  const namespace = set.metadata!.namespace!;
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const replicaCount = set.spec?.replicas ?? 1;
  const start = getStartOrdinal(set);
  const end = start + replicaCount;
  const minReadySeconds = set.spec?.minReadySeconds ?? 0;
  const nowMs = ctx.clock.now();
  // StatefulSet pods carry the revision's full name as their controller-revision-hash.
  const currentName = revisions.current.metadata!.name!;
  const updateName = revisions.update.metadata!.name!;

  const replicas: (Pod | undefined)[] = new Array<Pod | undefined>(replicaCount).fill(undefined);
  const condemned: Pod[] = [];
  for (const pod of pods) {
    if (!isMemberOf(set, pod)) continue;
    const ord = getOrdinal(pod);
    if (ord >= start && ord < end) replicas[ord - start] = pod;
    else if (ord >= 0) condemned.push(pod);
  }
  condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));

  const record = (verb: 'create' | 'delete', pod: Pod, error?: string) => {
    const podName = pod.metadata?.name ?? '';
    if (error)
      recorder.record(set as KubeObject, 'Warning', verb === 'create' ? 'FailedCreate' : 'FailedDelete', `${verb} Pod ${podName} in StatefulSet ${setName} failed error: ${error}`);
    else recorder.record(set as KubeObject, 'Normal', verb === 'create' ? 'SuccessfulCreate' : 'SuccessfulDelete', `${verb} Pod ${podName} in StatefulSet ${setName} successful`);
  };
  const deletePod = (pod: Pod): boolean => {
    const res = ctx.server.handle({ verb: 'delete', ...PODS, namespace, name: pod.metadata!.name! });
    record('delete', pod, res.ok ? undefined : res.body.message);
    return res.ok;
  };
  const createPod = (ord: number): Pod | undefined => {
    // newVersionedStatefulSetPod: ordinals below the partition stay at the current revision.
    const rollingUpdate = set.spec?.updateStrategy?.type === 'RollingUpdate' ? set.spec.updateStrategy.rollingUpdate : undefined;
    const belowPartition =
      set.spec?.updateStrategy?.type === 'RollingUpdate' && (rollingUpdate ? ord < start + (rollingUpdate.partition ?? 0) : ord < start + (set.status?.currentReplicas ?? 0));
    const body = belowPartition ? newStatefulSetPod(set, templates.current, ord, currentName) : newStatefulSetPod(set, templates.update, ord, updateName);
    const claimError = createClaims(ctx, set, body.metadata!.name!);
    if (claimError) {
      record('create', body as Pod, claimError);
      return undefined;
    }
    const res = ctx.server.handle({ verb: 'create', ...PODS, namespace, body });
    record('create', body as Pod, res.ok ? undefined : res.body.message);
    return res.ok ? (res.body as Pod) : undefined;
  };

  // Replace pods that ended, then create what is missing, in ordinal order.
  for (let i = 0; i < replicaCount; i++) {
    const pod = replicas[i];
    if (pod && (isFailed(pod) || isSucceeded(pod)) && !isTerminating(pod)) {
      deletePod(pod);
      replicas[i] = undefined;
      if (monotonic) return;
      continue;
    }
    if (!pod) {
      replicas[i] = createPod(start + i);
      if (monotonic) return;
      continue;
    }
    if (!monotonic) continue;
    // OrderedReady: wait for each pod to be running, ready (and available) before the next.
    if (isTerminating(pod) || !isCreated(pod) || !isHealthy(pod)) return;
    if (minReadySeconds > 0 && !isRunningAndAvailable(pod, minReadySeconds, nowMs)) return;
  }

  // Scale down from the highest ordinal; OrderedReady waits for each to finish terminating.
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return;
      continue;
    }
    if (monotonic && replicas.some((p) => !p || !isHealthy(p))) return;
    deletePod(pod);
    if (monotonic) return;
  }

  const strategy = set.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') return;
  rollPods(set, replicas, updateName, deletePod);
}

/**
 * The rolling update with maxUnavailable (MaxUnavailableStatefulSet, beta in v1.35): from the
 * highest ordinal down to the partition, delete pods not at the update revision while fewer than
 * maxUnavailable are unavailable; the creation pass brings them back at the new revision.
 */
function rollPods(set: StatefulSet, replicas: (Pod | undefined)[], updateRevision: string, deletePod: (pod: Pod) => boolean): void {
  const rollingUpdate = set.spec?.updateStrategy?.rollingUpdate;
  const partition = rollingUpdate?.partition ?? 0;
  const maxUnavailable = resolveMaxUnavailable(rollingUpdate?.maxUnavailable, replicas.length);
  let unavailable = replicas.filter((p) => !p || !isHealthy(p)).length;
  for (let i = replicas.length - 1; i >= partition; i--) {
    const pod = replicas[i];
    if (!pod || getPodRevision(pod) === updateRevision || isTerminating(pod)) continue;
    if (!isHealthy(pod)) {
      deletePod(pod);
      continue;
    }
    if (unavailable >= maxUnavailable) return;
    if (deletePod(pod)) unavailable++;
  }
}

/** intstr.GetScaledValueFromIntOrPercent rounded down, at least 1. */
function resolveMaxUnavailable(value: number | string | undefined, replicas: number): number {
  if (value === undefined) return 1;
  const n = typeof value === 'number' ? value : Math.floor((Number.parseInt(value, 10) * replicas) / 100);
  return Math.max(1, n);
}
