import { describe, expect, it } from 'vitest';
import { copyJson, stringifyJson, stringifyWithoutRecursion } from './deep-json.ts';

describe('stringifyWithoutRecursion', () => {
  it.each([
    { name: 'scalars', value: ['x', 'q"\n\u2028', 1.5, -0, 1e21, true, null] },
    { name: 'undefined and functions in objects are skipped', value: { a: undefined, b: () => 1, c: 1 } },
    { name: 'undefined in arrays is null', value: [undefined, NaN, Infinity] },
    { name: 'empty collections', value: { a: {}, b: [], c: [[]] } },
    { name: 'key order and escaped keys', value: { z: 1, 'a"b': { y: [1, { x: 2 }] } } },
  ])('writes $name as JSON.stringify does', ({ value }) => {
    expect(stringifyWithoutRecursion(value)).toBe(JSON.stringify(value));
  });
});

describe('stringifyJson and copyJson', () => {
  const depth = 20_000;
  const text = `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;

  it('write and copy a value deeper than JSON.stringify can go', () => {
    const value = JSON.parse(text) as unknown;
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(stringifyJson(value)).toBe(text);
    expect(stringifyJson(copyJson(value))).toBe(text);
  });
});
