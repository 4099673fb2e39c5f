/**
 * A patch target: group, version and kind compared exactly, name and namespace as anchored
 * regular expressions, label and annotation selectors. Models kustomize api/types/selector.go.
 */
import { matchesLabels, parseLabelSelector } from '../../lib/label-selector/label-selector.ts';
import type { Selector } from './kustomization-file.ts';
import { KustomizeError } from './kustomize-error.ts';
import { groupOf, nameOf, namespaceOfObject, versionOf, type Resource } from './resource.ts';

const anchored = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function labelsMatch(selector: string | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return true;
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok) throw new KustomizeError(parsed.message);
  return matchesLabels(parsed.requirements, labels ?? {});
}

export function selects(target: Selector, r: Resource): boolean {
  const { obj } = r;
  if (target.group && target.group !== groupOf(obj)) return false;
  if (target.version && target.version !== versionOf(obj)) return false;
  if (target.kind && target.kind !== obj.kind) return false;
  if (target.name && !anchored(target.name).test(nameOf(obj)) && !anchored(target.name).test(r.originalName)) return false;
  if (target.namespace && !anchored(target.namespace).test(namespaceOfObject(obj))) return false;
  return labelsMatch(target.labelSelector, obj.metadata?.labels) && labelsMatch(target.annotationSelector, obj.metadata?.annotations);
}
