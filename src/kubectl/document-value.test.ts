import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { documentValue } from './document-value.ts';

// The yaml package's toJSON is the reference: documentValue must give the same data.
const cases: { name: string; text: string }[] = [
  { name: 'a manifest', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {a: "1"}\ndata:\n  k: v\n' },
  { name: 'scalars of every core type', text: 'a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: "x"\ng: 0x1F\nh: .inf\ni: -.nan\nj:\n' },
  { name: 'non-string keys', text: '1: a\ntrue: b\nnull: c\n1.50: d\n? \n: e\n' },
  { name: 'a __proto__ key', text: '__proto__: {polluted: 1}\nb: 2\n' },
  { name: 'a repeated key keeps the last', text: 'a: 1\na: 2\n' },
  { name: 'nested sequences and empty values', text: 'a:\n- - 1\n  - []\n- {}\n- \nb: [null, ~, ""]\n' },
  { name: 'anchors and aliases', text: 'a: &x {b: 1}\nc: *x\n' },
  { name: 'a tagged collection', text: 'a: !!set {b: 1}\n' },
  { name: 'a JSON document', text: '{"apiVersion":"v1","kind":"List","items":[{"kind":"ConfigMap","metadata":{"name":"a"}}]}' },
];

describe('documentValue', () => {
  it.each(cases)('$name', async ({ text }) => {
    const doc = parseDocument(text, { logLevel: 'error', uniqueKeys: false });
    const expected = JSON.stringify(doc.toJSON());
    expect(JSON.stringify(await documentValue(doc, () => Promise.resolve()))).toBe(expected);
  });

  it('gives the host a turn while it converts a large List', async () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ kind: 'ConfigMap', metadata: { name: `c${i}` } }));
    const doc = parseDocument(JSON.stringify({ kind: 'List', items }));
    let turns = 0;
    const value = await documentValue(doc, () => {
      turns++;
      return Promise.resolve();
    });
    expect(value).toEqual({ kind: 'List', items });
    expect(turns).toBe(3);
  });
});
