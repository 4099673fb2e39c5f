/**
 * Recreate: scale every old ReplicaSet to zero, wait until none of their pods is running, then
 * bring the new ReplicaSet up to full size at once. Models pkg/controller/deployment/recreate.go.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { DeploymentController } from './deployment-controller.ts';
import { deploymentComplete, syncRolloutStatus } from './progress.ts';

export function rolloutRecreate(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[], pods: Pod[]): void {
  let { newRS, oldRSs } = dc.getAllReplicaSetsAndSyncRevision(d, rsList, false);
  const active = oldRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  let scaledDown = false;
  for (const rs of active) {
    if (dc.scaleReplicaSet(rs, 0, d).scaled) scaledDown = true;
  }
  if (scaledDown) {
    syncRolloutStatus(dc, newRS ? [...oldRSs, newRS] : oldRSs, newRS, d);
    return;
  }
  if (oldPodsRunning(newRS, oldRSs, pods)) {
    syncRolloutStatus(dc, newRS ? [...oldRSs, newRS] : oldRSs, newRS, d);
    return;
  }
  if (!newRS) ({ newRS, oldRSs } = dc.getAllReplicaSetsAndSyncRevision(d, rsList, true));
  if (!newRS) return;
  const scaled = dc.scaleReplicaSet(newRS, d.spec?.replicas ?? 1, d);
  newRS = scaled.rs;
  const all = [...oldRSs, newRS];
  if (deploymentComplete(d, all, newRS)) dc.cleanupDeployment(oldRSs, d);
  syncRolloutStatus(dc, all, newRS, d);
}

/** Models oldPodsRunning: any pod of an old ReplicaSet not yet finished (terminating ones count). */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], pods: Pod[]): boolean {
  if (oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata?.uid));
  return pods.some((pod) => {
    const owner = pod.metadata?.ownerReferences?.find((r) => r.controller)?.uid;
    if (!owner || owner === newRS?.metadata?.uid || !oldUids.has(owner)) return false;
    const phase = pod.status?.phase;
    return phase !== 'Failed' && phase !== 'Succeeded';
  });
}
