/**
 * How many pods a budget expects and how many must stay healthy. An integer minAvailable counts
 * the selected pods; a percentage or maxUnavailable counts the replicas their controllers want.
 * Models pkg/controller/disruption/disruption.go getExpectedPodCount and getExpectedScale.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/client.ts';
import { controllerRefOf } from '../pod-conditions.ts';

export type ScaleOf = (namespace: string, ref: { kind: string; name: string; uid: string }) => { uid: string; replicas: number } | undefined;

type IntOrString = number | string;

/** intstr.GetScaledValueFromIntOrPercent with roundUp. */
export function scaledValue(value: IntOrString, total: number): number {
  if (typeof value === 'number') return value;
  const percent = Number.parseInt(value.replace(/%$/, ''), 10);
  return Math.ceil((percent * total) / 100);
}

/**
 * getExpectedScale: the sum of the distinct controllers' replicas, or why it cannot be known. Pods
 * without a controller are left out and named, for the UnmanagedPods warning.
 */
function expectedScale(pods: Pod[], scaleOf: ScaleOf, unmanaged: string[]): number | { error: string } {
  const seen = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerRefOf(pod as KubeObject);
    if (!ref) {
      unmanaged.push(pod.metadata?.name ?? '');
      continue;
    }
    if (seen.has(ref.uid)) continue;
    const scale = scaleOf(pod.metadata?.namespace ?? '', ref);
    if (!scale) return { error: `found no controllers for pod "${pod.metadata?.name}"` };
    seen.set(scale.uid, scale.replicas);
  }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

export type BudgetNumbers = { expectedCount: number; desiredHealthy: number; unmanagedPods: string[] } | { error: string };

export function budgetNumbers(pdb: PodDisruptionBudget, pods: Pod[], scaleOf: ScaleOf): BudgetNumbers {
  const { maxUnavailable, minAvailable } = pdb.spec ?? {};
  const unmanagedPods: string[] = [];
  if (maxUnavailable !== undefined) {
    const expected = expectedScale(pods, scaleOf, unmanagedPods);
    if (typeof expected !== 'number') return expected;
    return { expectedCount: expected, desiredHealthy: Math.max(0, expected - scaledValue(maxUnavailable, expected)), unmanagedPods };
  }
  if (minAvailable !== undefined) {
    if (typeof minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: minAvailable, unmanagedPods };
    const expected = expectedScale(pods, scaleOf, unmanagedPods);
    if (typeof expected !== 'number') return expected;
    return { expectedCount: expected, desiredHealthy: scaledValue(minAvailable, expected), unmanagedPods };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanagedPods };
}

/** Go's %v of a *metav1.LabelSelector (its gogo String method), as the UnmanagedPods event prints it. */
export function goLabelSelectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '<nil>';
  const labels = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${selector.matchLabels![k]},`)
    .join('');
  const expressions = (selector.matchExpressions ?? [])
    .map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${expressions}},}`;
}
