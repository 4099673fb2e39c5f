/**
 * `-o yaml` as kubectl prints it: JSON converted to YAML by sigs.k8s.io/yaml, so map keys are
 * sorted, lists sit at their parent's indentation, and each string takes go-yaml's style
 * (go-yaml-scalar-style.ts): `"5000"`, `'#x'`, a `|` block.
 */
import { Document, isScalar, visit } from 'yaml';
import { goYamlStringStyle } from './go-yaml-scalar-style.ts';

export function toYaml(value: unknown): string {
  // No anchors: an object reached twice prints twice, as Go's encoder does.
  const doc = new Document(value, { sortMapEntries: true, version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string') node.type = goYamlStringStyle(node.value);
    },
  });
  const text = doc.toString({
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    nullStr: 'null',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    singleQuote: null,
    doubleQuotedAsJSON: true,
    flowCollectionPadding: false,
  });
  // go-yaml writes a lone `.` plain (FieldsV1's `.: {}`); the yaml package's 1.1 float pattern
  // would read it as a number, so it quotes it.
  const dots = text.replace(/^(\s*(?:- )*)"\.":(?= |$)/gm, '$1.:').replace(/: "\."$/gm, ': .');
  return dots.endsWith('\n') ? dots : `${dots}\n`;
}

/** `-o json`: 4-space indentation, keys in the order given. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
