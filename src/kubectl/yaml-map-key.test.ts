import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { invalidMapKey } from './yaml-map-key.ts';

// Expected: kubectl v1.35.2 `create --dry-run=client -f` of a ConfigMap whose data holds the key.
describe('invalidMapKey', () => {
  it.each([
    ['? {kind: Endpoints}\n: x', 'map[interface {}]interface {}{"kind":"Endpoints"}'],
    ['? [a, 1, 1.5, true, null]\n: x', '[]interface {}{"a", 1, 1.5, true, interface {}(nil)}'],
    ['? {b: 2, a: [x], c: {d: "q\\"r"}}\n: x', 'map[interface {}]interface {}{"a":[]interface {}{"x"}, "b":2, "c":map[interface {}]interface {}{"d":"q\\"r"}}'],
    ['? []\n: x', '[]interface {}{}'],
    ['? {[b]: 1, a: {x: [1]}}\n: 2', '[]interface {}{"b"}'],
    ['? {a: {[x]: 1}}\n: 2', '[]interface {}{"x"}'],
  ])('%s', (key, expected) => {
    const doc = parseDocument(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fz\ndata:\n  ${key.replace('\n', '\n  ')}\n`);
    expect(invalidMapKey(doc)).toBe(expected);
  });

  it('passes scalar keys', () => {
    expect(invalidMapKey(parseDocument('a: 1\n1: b\ntrue: c\n'))).toBeUndefined();
  });
});
