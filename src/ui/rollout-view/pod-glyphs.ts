/**
 * What one ReplicaSet column draws: each pod as a dot while they fit, else one row per state with
 * its count — so a frame's work stays the same at 1,000 pods as at 40, whatever the cluster holds.
 */
import { podColor } from './pod-colors.ts';

/** Dots a column draws at most: ten rows of four. */
export const MAX_POD_DOTS = 40;

export interface PodView {
  name: string;
  ready: string;
  status: string;
}

export interface PodGroup {
  color: string;
  /** The STATUS cells of the group's pods, most frequent first (`Running`, or `Running 0/1` when not ready). */
  label: string;
  count: number;
}

export type PodGlyphs = { kind: 'dots'; pods: PodView[] } | { kind: 'groups'; groups: PodGroup[]; total: number };

const stateOf = (pod: PodView) => (pod.status === 'Running' && pod.ready.startsWith('0/') ? `Running ${pod.ready}` : pod.status);

export function podGlyphs(pods: readonly PodView[]): PodGlyphs {
  if (pods.length <= MAX_POD_DOTS) return { kind: 'dots', pods: [...pods] };
  const byState = new Map<string, PodGroup>();
  for (const pod of pods) {
    const label = stateOf(pod);
    const group = byState.get(label);
    if (group) group.count++;
    else byState.set(label, { color: podColor(pod.status, pod.ready), label, count: 1 });
  }
  const groups = [...byState.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { kind: 'groups', groups, total: pods.length };
}

/** The pods of each ReplicaSet, in one pass over the snapshot. */
export function podsByOwner<P extends PodView & { owner?: string }>(pods: readonly P[]): Map<string, P[]> {
  const owned = new Map<string, P[]>();
  for (const pod of pods) {
    if (pod.owner === undefined) continue;
    const list = owned.get(pod.owner);
    if (list) list.push(pod);
    else owned.set(pod.owner, [pod]);
  }
  return owned;
}
