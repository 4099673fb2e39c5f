/** Whether `labels` match a metav1.LabelSelector; an invalid selector matches nothing. */
import { labelSelectorAsRequirements, matchesLabels, type LabelSelectorObject } from '../../lib/label-selector/label-selector.ts';

export function selectorMatches(selector: LabelSelectorObject | undefined, labels: Record<string, string> | undefined): boolean {
  const parsed = labelSelectorAsRequirements(selector ?? {});
  return parsed.ok && matchesLabels(parsed.requirements, labels ?? {});
}
