/**
 * Selector texts the server prints beside lib/label-selector: a Service's map selector as
 * labels.FormatLabels prints it, and the Go `%#v` form validation messages quote.
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { formatLabelSet } from '../../../lib/label-selector/label-selector.ts';

/** A Service's or RC's map selector, `app=web,tier=fe` (labels.FormatLabels: sorted, `<none>` when empty). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  return formatLabelSet(labels) || '<none>';
}

function goStringSlice(values: string[] | undefined): string {
  return values === undefined ? '[]string(nil)' : `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

function goRequirement(req: LabelSelectorRequirement): string {
  return `v1.LabelSelectorRequirement{Key:${JSON.stringify(req.key)}, Operator:${JSON.stringify(req.operator)}, Values:${goStringSlice(req.values)}}`;
}

/** `%#v` of a metav1.LabelSelector, as validation errors print it in v1.32. */
export function goLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector) return 'null';
  const labels = selector.matchLabels;
  const matchLabels =
    labels === undefined
      ? 'map[string]string(nil)'
      : `map[string]string{${Object.keys(labels)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`)
          .join(', ')}}`;
  const exprs = selector.matchExpressions;
  const matchExpressions = exprs === undefined ? '[]v1.LabelSelectorRequirement(nil)' : `[]v1.LabelSelectorRequirement{${exprs.map(goRequirement).join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${matchLabels}, MatchExpressions:${matchExpressions}}`;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
}
