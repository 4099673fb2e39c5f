/**
 * RollingUpdate: grow the new ReplicaSet within maxSurge, shrink old ones within maxUnavailable,
 * one step per sync; the next step waits for pods to become available.
 * Models pkg/controller/deployment/rolling.go.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { DeploymentController } from './deployment-controller.ts';
import { byCreationOldestFirst, maxUnavailable, specReplicas, statusReplicas } from './deployment-util.ts';
import { deploymentComplete, syncRolloutStatus } from './progress.ts';

export function rolloutRolling(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = dc.getAllReplicaSetsAndSyncRevision(d, rsList, true);
  if (!newRS) {
    syncRolloutStatus(dc, oldRSs, undefined, d);
    return;
  }
  const allRSs = [...oldRSs, newRS];
  const newScaled = reconcileNewReplicaSet(dc, allRSs, newRS, d);
  if (newScaled) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }
  const active = oldRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  const oldScaled = reconcileOldReplicaSets(dc, allRSs, active, newRS, d);
  if (oldScaled) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }
  if (deploymentComplete(d, allRSs, newRS)) dc.cleanupDeployment(oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

function reconcileNewReplicaSet(dc: DeploymentController, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  const replicas = d.spec?.replicas ?? 1;
  const current = newRS.spec?.replicas ?? 0;
  if (current === replicas) return false;
  if (current > replicas) return replaceIn(allRSs, dc.scaleReplicaSet(newRS, replicas, d));
  const target = dc.newRSNewReplicas(
    d,
    allRSs.filter((rs) => rs !== newRS),
    newRS,
  );
  return replaceIn(allRSs, dc.scaleReplicaSet(newRS, target, d));
}

function reconcileOldReplicaSets(dc: DeploymentController, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (specReplicas(oldRSs) === 0) return false;
  const allPods = specReplicas(allRSs);
  const minAvailable = (d.spec?.replicas ?? 1) - maxUnavailable(d);
  const newUnavailable = (newRS.spec?.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(dc, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  return cleaned.count + scaledDown > 0;
}

/** Removes old replicas that are not available anyway, oldest ReplicaSet first. */
function cleanupUnhealthyReplicas(dc: DeploymentController, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): { oldRSs: ReplicaSet[]; count: number } {
  const sorted = [...oldRSs].sort(byCreationOldestFirst);
  let total = 0;
  const result: ReplicaSet[] = [];
  for (const rs of sorted) {
    const spec = rs.spec?.replicas ?? 0;
    const available = rs.status?.availableReplicas ?? 0;
    if (total >= maxCleanup || spec === 0 || spec === available) {
      result.push(rs);
      continue;
    }
    const count = Math.min(maxCleanup - total, spec - available);
    const scaled = dc.scaleReplicaSet(rs, spec - count, d);
    total += count;
    result.push(scaled.rs);
  }
  return { oldRSs: result, count: total };
}

function scaleDownOldReplicaSetsForRollingUpdate(dc: DeploymentController, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): number {
  const minAvailable = (d.spec?.replicas ?? 1) - maxUnavailable(d);
  const available = statusReplicas(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const totalToScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreationOldestFirst)) {
    if (total >= totalToScaleDown) break;
    const spec = rs.spec?.replicas ?? 0;
    if (spec === 0) continue;
    const count = Math.min(spec, totalToScaleDown - total);
    dc.scaleReplicaSet(rs, spec - count, d);
    total += count;
  }
  return total;
}

function replaceIn(allRSs: ReplicaSet[], result: { scaled: boolean; rs: ReplicaSet }): boolean {
  const i = allRSs.findIndex((rs) => rs.metadata?.uid === result.rs.metadata?.uid);
  if (i >= 0) allRSs[i] = result.rs;
  return result.scaled;
}
