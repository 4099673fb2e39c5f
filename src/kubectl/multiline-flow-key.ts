/**
 * An implicit key of a flow mapping that spans lines (`{\n  // note\n  "kind": "Pod"}` has the key
 * `// note "kind"`): the yaml package reads it, go-yaml drops the simple key once it crosses a line
 * and then fails on the `:` with "did not find expected ',' or '}'".
 */
import { isMap, isScalar, visit, type Document } from 'yaml';

export function hasMultilineFlowKey(doc: Document.Parsed, text: string): boolean {
  let found = false;
  visit(doc, {
    Map(_, map) {
      if (!map.flow) return undefined;
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) && !isMap(key)) continue;
        const range = key.range;
        if (range && text.slice(range[0], range[1]).includes('\n')) {
          found = true;
          return visit.BREAK;
        }
      }
      return undefined;
    },
  });
  return found;
}
