/**
 * Models pkg/scheduler/framework/plugins/tainttoleration: NoSchedule and NoExecute taints keep
 * out pods that do not tolerate them; PreferNoSchedule ones lower the node's score.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../framework.ts';
import { defaultNormalizeScore, unschedulable } from '../framework.ts';

/** v1.35 no longer names the taint: keys and values may be sensitive (kubernetes#134740). */
export const ERR_REASON_NOT_MATCH = 'node(s) had untolerated taint(s)';

/** Toleration.ToleratesTaint. */
export function toleratesTaint(toleration: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

export const taintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(state, node) {
    const tolerations = state.pod.spec?.tolerations ?? [];
    for (const taint of node.node?.spec?.taints ?? []) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!tolerationsTolerateTaint(tolerations, taint)) return unschedulable('TaintToleration', 'UnschedulableAndUnresolvable', ERR_REASON_NOT_MATCH);
    }
    return undefined;
  },
};

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(state, nodes) {
    const preferNoSchedule = (state.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    const raw = nodes.map((n) => (n.node?.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(preferNoSchedule, t)).length);
    return defaultNormalizeScore(raw, true);
  },
};
