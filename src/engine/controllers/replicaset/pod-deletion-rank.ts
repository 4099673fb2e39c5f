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

/**
 * The first `limit` pods to delete, in order. Each pod's keys are read once, not on every
 * comparison; a sync that deletes a few of many pods keeps only the best `limit` as it goes
 * instead of sorting them all (the order is total, so the result is the sorted prefix).
 */
export function rankPodsForDeletion(pods: Pod[], _nowMs: number, limit = pods.length): Pod[] {
  const ranked: Ranked[] = pods.map(rankOf);
  if (limit <= 0) return [];
  if (limit * 8 >= ranked.length)
    return ranked
      .sort(compareRanked)
      .slice(0, limit)
      .map((r) => r.pod);
  const best: Ranked[] = [];
  for (const r of ranked) {
    if (best.length === limit && compareRanked(r, best[limit - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRanked(best[mid]!, r) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, r);
    if (best.length > limit) best.pop();
  }
  return best.map((r) => r.pod);
}

/** A stored pod is frozen, and a shrinking ReplicaSet ranks the same pods sync after sync: each is read once. */
const ranks = new WeakMap<Pod, Ranked>();

function rankOf(pod: Pod): Ranked {
  let rank = ranks.get(pod);
  if (!rank) {
    rank = {
      pod,
      assigned: Number(Boolean(pod.spec?.nodeName)),
      phase: PHASE_RANK[pod.status?.phase ?? 'Pending'] ?? 0,
      ready: isPodReady(pod),
      readySince: parseTimestamp(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime) ?? 0,
      restarts: (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0),
      created: parseTimestamp(pod.metadata?.creationTimestamp) ?? 0,
    };
    if (Object.isFrozen(pod)) ranks.set(pod, rank);
  }
  return rank;
}

function compareRanked(a: Ranked, b: Ranked): number {
  if (a.assigned !== b.assigned) return a.assigned - b.assigned;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return Number(a.ready) - Number(b.ready);
  if (a.ready && b.ready && a.readySince !== b.readySince) return b.readySince - a.readySince;
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.created !== b.created) return b.created - a.created;
  return (a.pod.metadata?.name ?? '').localeCompare(b.pod.metadata?.name ?? '');
}
