/**
 * The moments the timeline marks: each scaling of a ReplicaSet (the deployment controller's
 * ScalingReplicaSet events), and each rollout's start (a new revision appears) and completion
 * (the newest ReplicaSet has every desired pod available and no old pod is left), read from the
 * snapshots the view has seen.
 */
import type { WorkloadSnapshot } from '../../protocol/messages.ts';

export type MarkerKind = 'scaled-up' | 'scaled-down' | 'rollout-start' | 'rollout-complete';

export interface TimelineMarker {
  atMs: number;
  kind: MarkerKind;
  text: string;
}

// Models pkg/controller/deployment/sync.go scaleReplicaSet: "Scaled up replica set %s from %d to %d".
const SCALED = /^Scaled (up|down) replica set (\S+) from (\d+) to (\d+)/;

export function rolloutMarkers(items: readonly WorkloadSnapshot[], deployment: string): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  const latest = items.at(-1);
  for (const event of latest?.events ?? []) {
    if (event.object !== deployment || event.reason !== 'ScalingReplicaSet') continue;
    const scaled = SCALED.exec(event.message);
    if (!scaled) continue;
    markers.push({ atMs: event.atMs, kind: scaled[1] === 'up' ? 'scaled-up' : 'scaled-down', text: event.message });
  }
  let revision: string | undefined;
  let rolling = false;
  for (const snapshot of items) {
    const d = snapshot.deployments.find((dep) => dep.name === deployment);
    if (!d) continue;
    if (revision !== undefined && d.revision !== revision) {
      markers.push({ atMs: snapshot.nowMs, kind: 'rollout-start', text: `rollout to revision ${d.revision} started` });
      rolling = true;
    }
    revision = d.revision;
    if (rolling && isComplete(snapshot, d)) {
      markers.push({ atMs: snapshot.nowMs, kind: 'rollout-complete', text: `rollout to revision ${d.revision} complete` });
      rolling = false;
    }
  }
  return markers.sort((a, b) => a.atMs - b.atMs);
}

function isComplete(snapshot: WorkloadSnapshot, d: WorkloadSnapshot['deployments'][number]): boolean {
  const owned = snapshot.replicaSets.filter((rs) => rs.owner === d.name);
  const newest = owned.find((rs) => rs.revision === d.revision);
  if (!newest) return false;
  const oldPods = owned.filter((rs) => rs !== newest).reduce((sum, rs) => sum + rs.current, 0);
  return newest.desired === d.replicas && newest.available >= d.replicas && oldPods === 0;
}
