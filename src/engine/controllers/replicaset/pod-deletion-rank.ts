/**
 * Which pods a shrinking ReplicaSet deletes first. Models controller_utils.go ActivePodsWithRanks:
 * unassigned before assigned, Pending before Unknown before Running, not ready before ready,
 * more recently ready first, more restarts first, newer first.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../../api/timestamps.ts';
import { isPodReady } from '../pod-conditions.ts';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export function rankPodsForDeletion(pods: Pod[], _nowMs: number): Pod[] {
  const readySince = (p: Pod) => parseTimestamp(p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime) ?? 0;
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const created = (p: Pod) => parseTimestamp(p.metadata?.creationTimestamp) ?? 0;
  return [...pods].sort((a, b) => {
    const assigned = Number(Boolean(a.spec?.nodeName)) - Number(Boolean(b.spec?.nodeName));
    if (assigned) return assigned;
    const phase = (PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0) - (PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0);
    if (phase) return phase;
    const ready = Number(isPodReady(a)) - Number(isPodReady(b));
    if (ready) return ready;
    if (isPodReady(a) && isPodReady(b) && readySince(a) !== readySince(b)) return readySince(b) - readySince(a);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    if (created(a) !== created(b)) return created(b) - created(a);
    return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
  });
}
