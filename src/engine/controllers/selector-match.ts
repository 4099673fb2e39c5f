/** Whether `labels` match a metav1.LabelSelector; an invalid selector matches nothing. */
import { labelSelectorAsRequirements, matchesLabels, type LabelSelectorObject } from '../../lib/label-selector/label-selector.ts';

type Parsed = ReturnType<typeof labelSelectorAsRequirements>;

/** Selectors of stored objects are frozen, so each is parsed once however many pods it is matched against. */
const parsedFrozen = new WeakMap<LabelSelectorObject, Parsed>();

function parse(selector: LabelSelectorObject): Parsed {
  if (!Object.isFrozen(selector)) return labelSelectorAsRequirements(selector);
  let parsed = parsedFrozen.get(selector);
  if (!parsed) {
    parsed = labelSelectorAsRequirements(selector);
    parsedFrozen.set(selector, parsed);
  }
  return parsed;
}

export function selectorMatches(selector: LabelSelectorObject | undefined, labels: Record<string, string> | undefined): boolean {
  const parsed = parse(selector ?? {});
  return parsed.ok && matchesLabels(parsed.requirements, labels ?? {});
}
