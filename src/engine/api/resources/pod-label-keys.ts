/**
 * The pod strategy's PrepareForCreate folds matchLabelKeys (and mismatchLabelKeys) into the label
 * selectors they qualify, with the new pod's own values: `key In (value)` for a match,
 * `key NotIn (value)` for a mismatch. The scheduler then reads plain selectors. Models
 * pkg/registry/core/pod/strategy.go mutatePodAffinity and mutateTopologySpreadConstraints
 * (MatchLabelKeysInPodAffinity GA, MatchLabelKeysInPodTopologySpreadSelectorMerge on in v1.35).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';

function applyLabelKeys(selector: LabelSelector, keys: readonly string[] | undefined, operator: 'In' | 'NotIn', labels: Record<string, string>): void {
  for (const key of keys ?? []) {
    const value = labels[key];
    if (value === undefined) continue;
    (selector as { matchExpressions?: unknown[] }).matchExpressions = [...(selector.matchExpressions ?? []), { key, operator, values: [value] }];
  }
}

function applyToTerm(term: PodAffinityTerm, labels: Record<string, string>): void {
  // A nil selector matches nothing either way.
  if (!term.labelSelector) return;
  applyLabelKeys(term.labelSelector, term.matchLabelKeys, 'In', labels);
  applyLabelKeys(term.labelSelector, term.mismatchLabelKeys, 'NotIn', labels);
}

export function applyPodLabelKeys(pod: Pod): void {
  const labels = pod.metadata?.labels ?? {};
  const affinity = pod.spec?.affinity;
  for (const group of [affinity?.podAffinity, affinity?.podAntiAffinity]) {
    for (const weighted of group?.preferredDuringSchedulingIgnoredDuringExecution ?? []) applyToTerm(weighted.podAffinityTerm, labels);
    for (const term of group?.requiredDuringSchedulingIgnoredDuringExecution ?? []) applyToTerm(term, labels);
  }
  for (const constraint of pod.spec?.topologySpreadConstraints ?? [])
    if (constraint.labelSelector) applyLabelKeys(constraint.labelSelector, constraint.matchLabelKeys, 'In', labels);
}
