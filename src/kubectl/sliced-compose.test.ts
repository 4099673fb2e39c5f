import { describe, expect, it } from 'vitest';
import { Composer, Lexer, Parser, parseDocument, stringify, type CST } from 'yaml';
import { sliceDocument, slicedValue } from './sliced-compose.ts';

const pod = (i: number, envs = 2) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `p${i}`, labels: { app: 'x' } },
  spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1'], env: Array.from({ length: envs }, (_, e) => ({ name: `E${e}`, value: `${e}` })) }] },
});
const list = (items: unknown[]) => stringify({ apiVersion: 'v1', kind: 'List', items });

function documentToken(text: string): CST.Document {
  const tokens = [...new Parser().parse(text)];
  const doc = tokens.find((t): t is CST.Document => t.type === 'document');
  if (!doc) throw new Error('no document');
  return doc;
}

const hasProperties = (text: string) => [...new Lexer().lex(text)].some((l) => '&*!%'.includes(l[0] ?? ' '));

async function sliced(text: string, onTurn = () => {}) {
  const checkpoint = () => {
    onTurn();
    return Promise.resolve();
  };
  const cut = await sliceDocument(documentToken(text), text.length, hasProperties(text), checkpoint);
  if (!cut) return undefined;
  const [outer] = [...new Composer({ logLevel: 'error' }).compose([cut.outer], true)];
  if (!outer) throw new Error('no outer document');
  expect(outer.errors).toEqual([]);
  return slicedValue({ doc: outer, cuts: cut.cuts }, checkpoint);
}

// The yaml package composing the whole document is the reference: slicing must not change the value.
const sameValueCases: { name: string; text: string }[] = [
  { name: 'a List of 300 Pods', text: list(Array.from({ length: 300 }, (_, i) => pod(i))) },
  { name: 'a List whose one Pod has 3,000 env entries', text: list([pod(0), pod(1, 3000), pod(2)]) },
  { name: 'a lone Pod with 3,000 env entries', text: stringify(pod(0, 3000)) },
  {
    name: 'sequences of sequences and scalars of every type',
    text: stringify({ a: Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? [i, `s${i}`, null] : i % 3 === 1 ? { k: i, t: true } : `x${i}`)) }),
  },
  // The composer measures a key's distance (at most 1024 chars) from where the previous value ended.
  { name: 'a key after a long sequence', text: stringify({ a: Array.from({ length: 300 }, (_, i) => pod(i)), b: 'after' }) },
  { name: 'comments between the items', text: list(Array.from({ length: 400 }, (_, i) => pod(i))).replace(/\n {2}- /g, '\n  # note\n  - ') },
];

describe('sliceDocument', () => {
  it.each(sameValueCases)(
    '$name',
    async ({ text }) => {
      const value = await sliced(text);
      expect(value).not.toBeUndefined();
      expect(JSON.stringify(value)).toBe(JSON.stringify(parseDocument(text).toJSON()));
    },
    60_000,
  );

  // Each of these must be composed whole, so the composer reports its error as it would in place.
  const wholeCases: { name: string; text: string }[] = [
    { name: 'a short document', text: list([pod(0), pod(1)]) },
    {
      name: 'an anchor and its alias in different items',
      text: list(Array.from({ length: 300 }, (_, i) => pod(i)))
        .replace('name: p1\n', 'name: &n p1\n')
        .replace('name: p250\n', 'name: *n\n'),
    },
    { name: 'a duplicate key in a late item', text: list(Array.from({ length: 300 }, (_, i) => pod(i))).replace('name: p290\n', 'name: p290\n      name: again\n') },
    { name: 'a collection key in a late item', text: list(Array.from({ length: 300 }, (_, i) => pod(i))).replace('name: p290\n', 'name: p290\n      ? [a]\n      : b\n') },
    {
      name: 'an item without its dash',
      text: list(Array.from({ length: 300 }, (_, i) => pod(i))).replace(
        '\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: p280',
        '\n    apiVersion: v1\n    kind: Pod\n    metadata:\n      name: p280',
      ),
    },
  ];

  it.each(wholeCases)(
    'composes whole: $name',
    async ({ text }) => {
      expect(await sliced(text)).toBeUndefined();
    },
    60_000,
  );

  it('gives the host a turn every few kilobytes of a 3,000-item List', async () => {
    const text = list(Array.from({ length: 3_000 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}` }, data: { k: 'v' } })));
    let turns = 0;
    const value = (await sliced(text, () => turns++)) as { items: unknown[] };
    expect(value.items).toHaveLength(3_000);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(text.length / 16_384));
  }, 60_000);
});
