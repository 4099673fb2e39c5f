/**
 * Which pods a shrinking ReplicaSet deletes first. Models controller_utils.go ActivePodsWithRanks:
 * unassigned before assigned, Pending before Unknown before Running, not ready before ready,
 * more recently ready first, more restarts first, newer first.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../../api/timestamps.ts';
import { isPodReady } from '../pod-conditions.ts';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Ranked {
  pod: Pod;
  assigned: number;
  phase: number;
  ready: boolean;
  readySince: number;
  restarts: number;
  created: number;
}

/** Each pod's keys are read once, not on every comparison: a scale-down of N pods sorts them all. */
export function rankPodsForDeletion(pods: Pod[], _nowMs: number): Pod[] {
  const ranked: Ranked[] = pods.map((pod) => ({
    pod,
    assigned: Number(Boolean(pod.spec?.nodeName)),
    phase: PHASE_RANK[pod.status?.phase ?? 'Pending'] ?? 0,
    ready: isPodReady(pod),
    readySince: parseTimestamp(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime) ?? 0,
    restarts: (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0),
    created: parseTimestamp(pod.metadata?.creationTimestamp) ?? 0,
  }));
  ranked.sort((a, b) => {
    if (a.assigned !== b.assigned) return a.assigned - b.assigned;
    if (a.phase !== b.phase) return a.phase - b.phase;
    if (a.ready !== b.ready) return Number(a.ready) - Number(b.ready);
    if (a.ready && b.ready && a.readySince !== b.readySince) return b.readySince - a.readySince;
    if (a.restarts !== b.restarts) return b.restarts - a.restarts;
    if (a.created !== b.created) return b.created - a.created;
    return (a.pod.metadata?.name ?? '').localeCompare(b.pod.metadata?.name ?? '');
  });
  return ranked.map((r) => r.pod);
}
