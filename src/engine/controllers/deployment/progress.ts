/**
 * Deployment status and its Available/Progressing conditions. Models sync.go syncRolloutStatus /
 * calculateStatus and progress.go (deadline checks), with upstream's reasons and messages.
 */
import type { Deployment, DeploymentCondition, ReplicaSet } from 'kubernetes-types/apps/v1';
import { formatTimestamp, parseTimestamp } from '../../api/timestamps.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { DeploymentController } from './deployment-controller.ts';
import { DEPLOYMENTS, REPLICASETS } from './deployment-controller.ts';
import { maxUnavailable } from './deployment-util.ts';

/** kubernetes-types 1.30 predates status.terminatingReplicas (v1.33). */
type Status = NonNullable<Deployment['status']> & { terminatingReplicas?: number };
const terminatingOf = (rs: ReplicaSet) => (rs.status as { terminatingReplicas?: number } | undefined)?.terminatingReplicas;

/** Models SetDeploymentCondition: an unchanged condition keeps its place; a changed one moves last. */
export function setCondition(d: Deployment, type: string, status: string, reason: string, message: string, nowMs: number): void {
  const conditions = [...(d.status?.conditions ?? [])];
  const current = conditions.find((c) => c.type === type);
  if (current && current.status === status && current.reason === reason) {
    if (current.message !== message || reason === 'ReplicaSetUpdated') {
      current.message = message;
      current.lastUpdateTime = formatTimestamp(nowMs);
    }
    d.status = { ...d.status, conditions };
    return;
  }
  const now = formatTimestamp(nowMs);
  const next: DeploymentCondition = {
    type,
    status,
    lastUpdateTime: now,
    lastTransitionTime: current && current.status === status ? current.lastTransitionTime! : now,
    reason,
    message,
  };
  d.status = { ...d.status, conditions: [...conditions.filter((c) => c.type !== type), next] };
}

function storedStatus(dc: DeploymentController, d: Deployment): Status {
  const stored = dc.deployments.get(d.metadata!.namespace!, d.metadata!.name!);
  return stored ? (stored.status ?? {}) : {};
}

function fresh(dc: DeploymentController, sets: ReplicaSet[]): ReplicaSet[] {
  return sets.flatMap((rs) => {
    const stored = dc.replicaSets.get(rs.metadata!.namespace!, rs.metadata!.name!);
    return stored ? [stored] : [];
  });
}

function calculateStatus(all: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): Status {
  const sum = (f: (rs: ReplicaSet) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
  const available = sum((rs) => rs.status?.availableReplicas);
  const total = sum((rs) => rs.spec?.replicas);
  const status: Status = {
    ...d.status,
    observedGeneration: d.metadata?.generation ?? 1,
    replicas: sum((rs) => rs.status?.replicas),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum((rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  // GetTerminatingReplicaCountForReplicaSets: the sum, once every ReplicaSet reports it.
  if (all.every((rs) => terminatingOf(rs) !== undefined)) status.terminatingReplicas = sum(terminatingOf);
  else delete status.terminatingReplicas;
  return status;
}

export function deploymentComplete(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined): boolean {
  const replicas = d.spec?.replicas ?? 1;
  const s = calculateStatus(all, newRS, d);
  return s.updatedReplicas === replicas && s.replicas === replicas && s.availableReplicas === replicas && (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1);
}

function setAvailable(d: Deployment, status: Status, nowMs: number): void {
  const replicas = d.spec?.replicas ?? 1;
  d.status = status;
  if ((status.availableReplicas ?? 0) >= replicas - maxUnavailable(d)) {
    setCondition(d, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', nowMs);
  } else {
    setCondition(d, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', nowMs);
  }
}

export function syncRolloutStatus(dc: DeploymentController, sets: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const all = fresh(dc, sets);
  const currentNew = newRS ? all.find((rs) => rs.metadata?.uid === newRS.metadata?.uid) : undefined;
  const before = storedStatus(dc, d);
  const nowMs = dc.ctx.clock.now();
  const status = calculateStatus(all, currentNew, d);
  setAvailable(d, status, nowMs);
  const deadlineSeconds = d.spec?.progressDeadlineSeconds;
  if (deadlineSeconds !== undefined && currentNew) {
    const name = currentNew.metadata!.name!;
    const progressing = d.status?.conditions?.find((c) => c.type === 'Progressing');
    if (deploymentComplete(d, all, currentNew)) {
      setCondition(d, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`, nowMs);
    } else if (isProgressing(before, d.status!)) {
      setCondition(d, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`, nowMs);
    } else if (progressing && progressing.reason !== 'ProgressDeadlineExceeded') {
      const since = parseTimestamp(progressing.lastUpdateTime) ?? nowMs;
      const deadline = since + deadlineSeconds * 1000;
      if (nowMs >= deadline) {
        setCondition(d, 'Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${name}" has timed out progressing.`, nowMs);
      } else {
        dc.requeueAfter(d, deadline - nowMs);
      }
    }
    const updated = d.status?.conditions?.find((c) => c.type === 'Progressing');
    if (updated?.reason === 'ReplicaSetUpdated' || updated?.reason === 'NewReplicaSetCreated' || updated?.reason === 'FoundNewReplicaSet') {
      dc.requeueAfter(d, deadlineSeconds * 1000);
    }
  }
  writeStatus(dc, d, before);
}

export function syncPausedStatus(dc: DeploymentController, d: Deployment, sets: ReplicaSet[], newRS: ReplicaSet | undefined): void {
  const all = fresh(dc, sets);
  const currentNew = newRS ? all.find((rs) => rs.metadata?.uid === newRS.metadata?.uid) : undefined;
  const before = storedStatus(dc, d);
  const nowMs = dc.ctx.clock.now();
  setAvailable(d, calculateStatus(all, currentNew, d), nowMs);
  if (d.spec?.progressDeadlineSeconds !== undefined) {
    setCondition(d, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', nowMs);
  }
  writeStatus(dc, d, before);
}

/** Models progress.go: a resumed deployment says so once. */
export function markResumedIfNeeded(d: Deployment, nowMs: number): void {
  const progressing = d.status?.conditions?.find((c) => c.type === 'Progressing');
  if (!d.spec?.paused && progressing?.reason === 'DeploymentPaused') {
    setCondition(d, 'Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', nowMs);
  }
}

function isProgressing(before: Status, after: Status): boolean {
  return (
    (after.updatedReplicas ?? 0) > (before.updatedReplicas ?? 0) ||
    (after.replicas ?? 0) < (before.replicas ?? 0) ||
    (after.readyReplicas ?? 0) > (before.readyReplicas ?? 0) ||
    (after.availableReplicas ?? 0) > (before.availableReplicas ?? 0)
  );
}

function writeStatus(dc: DeploymentController, d: Deployment, before: Status): void {
  const status = { ...d.status! };
  for (const key of ['readyReplicas', 'availableReplicas', 'unavailableReplicas', 'updatedReplicas'] as const) if (status[key] === 0) delete status[key];
  if (stableStringify(status) === stableStringify(before)) return;
  dc.ctx.server.handle({ verb: 'update', ...DEPLOYMENTS, subresource: 'status', namespace: d.metadata!.namespace!, name: d.metadata!.name!, body: { ...d, status } });
}
