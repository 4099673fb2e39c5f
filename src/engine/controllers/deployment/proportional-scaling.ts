/**
 * A change of spec.replicas alone (or while paused) resizes the ReplicaSets in proportion to
 * their sizes instead of starting a rollout. Models sync.go isScalingEvent / scale.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { DeploymentController } from './deployment-controller.ts';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, isRollingUpdate, maxSurge, specReplicas } from './deployment-util.ts';

export function isScalingEvent(d: Deployment, rsList: ReplicaSet[]): boolean {
  const replicas = String(d.spec?.replicas ?? 1);
  return rsList.some(
    (rs) =>
      (rs.spec?.replicas ?? 0) > 0 && rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION] !== undefined && rs.metadata.annotations[DESIRED_REPLICAS_ANNOTATION] !== replicas,
  );
}

export function scaleProportionally(dc: DeploymentController, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const replicas = d.spec?.replicas ?? 1;
  const all = newRS ? [newRS, ...oldRSs] : oldRSs;
  const active = all.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  if (active.length === 1) {
    dc.scaleReplicaSet(active[0]!, replicas, d);
    return;
  }
  if (active.length === 0) {
    if (newRS) dc.scaleReplicaSet(newRS, replicas, d);
    return;
  }
  const saturated = newRS && (newRS.spec?.replicas ?? 0) === replicas && (newRS.status?.availableReplicas ?? 0) === replicas;
  if (saturated) {
    for (const rs of oldRSs.filter((r) => (r.spec?.replicas ?? 0) > 0)) dc.scaleReplicaSet(rs, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - specReplicas(active);
  if (toAdd === 0) return;
  // Larger first; on ties newer first when growing and older first when shrinking.
  const ordered = [...active].sort((a, b) => {
    const size = (b.spec?.replicas ?? 0) - (a.spec?.replicas ?? 0);
    if (size) return size;
    const ta = a.metadata?.creationTimestamp ?? '';
    const tb = b.metadata?.creationTimestamp ?? '';
    return toAdd > 0 ? (tb > ta ? 1 : tb < ta ? -1 : 0) : ta > tb ? 1 : ta < tb ? -1 : 0;
  });
  const targets = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of ordered) {
    const size = rs.spec?.replicas ?? 0;
    const max = Number(rs.metadata?.annotations?.[MAX_REPLICAS_ANNOTATION] ?? '0');
    let proportion = max > 0 ? Math.round((size * allowed) / max) - size : 0;
    proportion = toAdd > 0 ? Math.min(proportion, toAdd - added) : Math.max(proportion, toAdd - added);
    targets.set(rs, size + proportion);
    added += proportion;
  }
  const first = ordered[0]!;
  targets.set(first, Math.max(0, (targets.get(first) ?? 0) + (toAdd - added)));
  for (const rs of ordered) dc.scaleReplicaSet(rs, targets.get(rs)!, d);
}
