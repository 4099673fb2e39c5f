import { describe, expect, it } from 'vitest';
import { deepCopy, jsonEqual, stableStringify } from './deep-copy.ts';
import { frozenCopy } from './deep-freeze.ts';

const values: { name: string; value: unknown }[] = [
  { name: 'a nested object', value: { a: 1, b: { c: [1, 'x', true, null] } } },
  { name: 'undefined values in an object', value: { a: undefined, b: { c: undefined, d: 1 } } },
  { name: 'undefined elements in an array', value: [1, undefined, { a: undefined }] },
  { name: 'non-finite numbers', value: { a: Number.NaN, b: [Number.POSITIVE_INFINITY] } },
  { name: 'an empty object and array', value: { a: {}, b: [] } },
];

describe('deepCopy and frozenCopy', () => {
  it.each(values)('copy $name as a JSON round trip does', ({ value }) => {
    const roundTrip: unknown = JSON.parse(JSON.stringify(value));
    expect(deepCopy(value)).toStrictEqual(roundTrip);
    expect(frozenCopy(value)).toStrictEqual(roundTrip);
  });

  it('shares frozen subtrees and copies the rest', () => {
    const spec = Object.freeze({ containers: Object.freeze([Object.freeze({ name: 'c' })]) });
    const status = { phase: 'Running' };
    const copy = frozenCopy({ spec, status });
    expect([copy.spec === spec, copy.status === status, Object.isFrozen(copy.status)]).toEqual([true, false, true]);
  });
});

describe('jsonEqual', () => {
  const cases: { name: string; a: unknown; b: unknown }[] = [
    { name: 'same keys in another order', a: { a: 1, b: 2 }, b: { b: 2, a: 1 } },
    { name: 'an undefined key against an absent one', a: { a: 1, b: undefined }, b: { a: 1 } },
    { name: 'a missing key', a: { a: 1, b: 2 }, b: { a: 1 } },
    { name: 'arrays in another order', a: [1, 2], b: [2, 1] },
    { name: 'an undefined element against null', a: [undefined], b: [null] },
    { name: 'an object against an array', a: {}, b: [] },
    { name: 'undefined against an empty object', a: undefined, b: {} },
    { name: 'a number against its string', a: { a: 1 }, b: { a: '1' } },
    { name: 'NaN against null', a: [Number.NaN], b: [null] },
  ];
  it.each(cases)('agrees with comparing stable JSON for $name', ({ a, b }) => {
    expect(jsonEqual(a, b)).toBe(stableStringify(a) === stableStringify(b));
  });
});
