/**
 * The bounds a rolling update keeps, from the snapshot's strategy fields: at most desired+maxSurge
 * pods counted, at least desired-maxUnavailable available.
 */
import type { WorkloadSnapshot } from '../../protocol/messages.ts';

type DeploymentView = WorkloadSnapshot['deployments'][number];
type ReplicaSetView = WorkloadSnapshot['replicaSets'][number];

export interface RolloutBounds {
  desired: number;
  /** desired + maxSurge: the most pods the controller lets the ReplicaSets ask for. */
  ceiling: number;
  /** desired - maxUnavailable: the fewest available pods it lets the rollout drop to. */
  floor: number;
  /** What the controller counts against the ceiling: the sum of the ReplicaSets' replicas. */
  total: number;
  /** What it counts against the floor: the sum of their available replicas. */
  available: number;
  /** Pods that exist, terminating ones included (the controller does not count those). */
  pods: number;
}

// Models k8s.io/apimachinery intstr GetScaledValueFromIntOrPercent.
function scaled(value: string, total: number, roundUp: boolean): number {
  const percent = /^(\d+)%$/.exec(value);
  if (!percent) return Number.parseInt(value, 10) || 0;
  const exact = (Number(percent[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

// Models pkg/controller/deployment/util ResolveFenceposts.
export function resolveFenceposts(maxSurge: string, maxUnavailable: string, desired: number): { surge: number; unavailable: number } {
  const surge = scaled(maxSurge || '25%', desired, true);
  let unavailable = scaled(maxUnavailable || '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function rolloutBounds(deployment: DeploymentView, replicaSets: ReplicaSetView[], podCount: number): RolloutBounds {
  const desired = deployment.replicas;
  const owned = replicaSets.filter((rs) => rs.owner === deployment.name);
  const total = owned.reduce((sum, rs) => sum + rs.desired, 0);
  const available = owned.reduce((sum, rs) => sum + rs.available, 0);
  if (deployment.strategy === 'Recreate') return { desired, ceiling: desired, floor: 0, total, available, pods: podCount };
  const { surge, unavailable } = resolveFenceposts(deployment.maxSurge, deployment.maxUnavailable, desired);
  return { desired, ceiling: desired + surge, floor: Math.max(0, desired - unavailable), total, available, pods: podCount };
}
