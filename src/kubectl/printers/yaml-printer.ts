/**
 * `-o yaml` as kubectl prints it: JSON converted to YAML by sigs.k8s.io/yaml, so map keys are
 * sorted, lists sit at their parent's indentation, and strings that YAML 1.1 would read as
 * something else (`"5000"`, `"true"`, timestamps) are quoted.
 */
import { Document } from 'yaml';

export function toYaml(value: unknown): string {
  // No anchors: an object reached twice prints twice, as Go's encoder does.
  const doc = new Document(value, { sortMapEntries: true, version: '1.1', aliasDuplicateObjects: false });
  const text = doc.toString({ indentSeq: false, lineWidth: 0, minContentWidth: 0, nullStr: 'null', defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', singleQuote: false, flowCollectionPadding: false });
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** `-o json`: 4-space indentation, keys in the order given. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]));
  }
  return value;
}
