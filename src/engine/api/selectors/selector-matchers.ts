/**
 * The API server's label and field selector matchers (ServerLibraries.labelMatcher / fieldMatcher):
 * the parsing lives in lib/, this file knows which fields each kind can select on.
 */
import { fieldLabelNotSupportedMessage, findUnsupportedField, matchesFields, parseFieldSelector } from '../../../lib/field-selector/field-selector.ts';
import { labelMatcher as parseLabelMatcher } from '../../../lib/label-selector/label-selector.ts';
import type { KubeObject } from '../client.ts';
import type { ResourceDefinition } from '../resource-definition.ts';

export function labelMatcher(selector: string): { ok: true; matches(labels: Record<string, string>): boolean } | { ok: false; message: string } {
  return parseLabelMatcher(selector);
}

/** Models the generic registry's DefaultNamespaceScopedAttr / DefaultClusterScopedAttr plus the kind's own fields. */
export function selectableFields(obj: KubeObject, def: ResourceDefinition): Record<string, string> {
  const fields: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '' };
  if (def.info.namespaced) fields['metadata.namespace'] = obj.metadata?.namespace ?? '';
  return { ...fields, ...def.fieldsForSelector?.(obj) };
}

export function fieldMatcher(selector: string, def: ResourceDefinition): { ok: true; matches(obj: KubeObject): boolean } | { ok: false; message: string } {
  const parsed = parseFieldSelector(selector);
  if (!parsed.ok) return parsed;
  // No selector: nothing to check, so no field map is built per object.
  if (parsed.requirements.length === 0) return { ok: true, matches: () => true };
  // The supported set is the key set of an empty object's fields; every kind's fieldsForSelector tolerates that.
  const probe: KubeObject = { apiVersion: def.info.group === '' ? def.info.version : `${def.info.group}/${def.info.version}`, kind: def.info.kind, metadata: {} };
  const unsupported = findUnsupportedField(parsed.requirements, new Set(Object.keys(selectableFields(probe, def))));
  if (unsupported !== undefined) return { ok: false, message: fieldLabelNotSupportedMessage(unsupported) };
  return { ok: true, matches: (obj) => matchesFields(parsed.requirements, selectableFields(obj, def)) };
}
