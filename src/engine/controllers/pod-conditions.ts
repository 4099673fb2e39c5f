/** Pod readiness and availability as controllers judge them (podutil.IsPodReady / IsPodAvailable). */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../api/timestamps.ts';

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Ready for at least minReadySeconds; `availableInMs` says how long until it will be, if ready. */
export function podAvailability(pod: Pod, minReadySeconds: number, nowMs: number): { available: boolean; availableInMs?: number } {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) return { available: false };
  if (minReadySeconds <= 0) return { available: true };
  const since = parseTimestamp(ready.lastTransitionTime) ?? nowMs;
  const readyFor = nowMs - since;
  if (readyFor >= minReadySeconds * 1000) return { available: true };
  return { available: false, availableInMs: minReadySeconds * 1000 - readyFor };
}

export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function controllerRefOf(obj: { metadata?: { ownerReferences?: { controller?: boolean; uid: string; kind: string; name: string }[] } }) {
  return obj.metadata?.ownerReferences?.find((r) => r.controller);
}
