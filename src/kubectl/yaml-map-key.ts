/**
 * A YAML mapping key that is itself a mapping or a sequence: YAML allows one (`? {a: 1}`), JSON
 * cannot hold it, and kubectl's YAML-to-JSON conversion (sigs.k8s.io/yaml) refuses it, naming the
 * key in Go's %#v syntax as go-yaml decoded it. Models sigs.k8s.io/yaml yaml.go
 * convertToJSONableObject's "invalid map key".
 */
import { isAlias, isCollection, isMap, isSeq, type Document, type Node } from 'yaml';

/**
 * The first collection key of `doc` in Go syntax, or undefined when every key is a scalar.
 * go-yaml decodes a key whole before it checks it, and a key before its value: a collection key
 * inside a key is the one refused (yaml.v2 decode.go mapping).
 */
export function invalidMapKey(doc: Document): string | undefined {
  const badKey = (node: unknown): string | undefined => {
    if (isSeq(node)) {
      for (const item of node.items) {
        const found = badKey(item);
        if (found !== undefined) return found;
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const found = badKey(pair.key);
        if (found !== undefined) return found;
        const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        // Every key inside this one is a scalar now, so it converts without stringified keys.
        if (isCollection(key)) return goSyntax((key as Node).toJSON());
        const inValue = badKey(pair.value);
        if (inValue !== undefined) return inValue;
      }
    }
    return undefined;
  };
  return badKey(doc.contents);
}

/** fmt's %#v of what go-yaml decodes into an interface{}: maps print with their keys sorted. */
function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  if (value instanceof Map) return goMap([...value.entries()]);
  return goMap(Object.entries(value as Record<string, unknown>));
}

function goMap(entries: [unknown, unknown][]): string {
  const sorted = [...entries].sort(([a], [b]) => compareKeys(a, b));
  return `map[interface {}]interface {}{${sorted.map(([k, v]) => `${goSyntax(k)}:${goSyntax(v)}`).join(', ')}}`;
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
