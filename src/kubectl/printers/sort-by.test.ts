import { describe, expect, it } from 'vitest';
import { relaxedJsonPathExpression, sortByField } from './sort-by.ts';

describe('relaxedJsonPathExpression', () => {
  it.each([
    { name: 'leading dot', input: '.metadata.name', expected: '{.metadata.name}' },
    { name: 'no dot', input: 'metadata.name', expected: '{.metadata.name}' },
    { name: 'braces', input: '{metadata.name}', expected: '{.metadata.name}' },
    { name: 'braces and dot', input: '{.metadata.name}', expected: '{.metadata.name}' },
  ])('$name', ({ input, expected }) => {
    expect(relaxedJsonPathExpression(input)).toBe(expected);
  });
});

const pod = (name: string, fields: Record<string, unknown>) => ({ metadata: { name }, ...fields });
const names = (items: { metadata: { name: string } }[]) => items.map((i) => i.metadata.name);

// Cases after pkg/cmd/get/sorter_test.go: strings, numbers, quantities, missing fields.
describe('sortByField', () => {
  it.each([
    { name: 'strings', field: '.spec.nodeName', items: [pod('b', { spec: { nodeName: 'node02' } }), pod('a', { spec: { nodeName: 'node01' } })], expected: ['a', 'b'] },
    { name: 'integers', field: '{.status.restarts}', items: [pod('a', { status: { restarts: 10 } }), pod('b', { status: { restarts: 9 } })], expected: ['b', 'a'] },
    {
      name: 'quantities compare by value',
      field: '.spec.cpu',
      items: [pod('a', { spec: { cpu: '1' } }), pod('b', { spec: { cpu: '250m' } }), pod('c', { spec: { cpu: '1500m' } })],
      expected: ['b', 'a', 'c'],
    },
    { name: 'an object without the field comes first', field: '.spec.nodeName', items: [pod('a', { spec: { nodeName: 'node01' } }), pod('b', { spec: {} })], expected: ['b', 'a'] },
  ])('$name', ({ field, items, expected }) => {
    expect(names(sortByField(items, (i) => i, field))).toEqual(expected);
  });

  it('fails as kubectl does when no object has the field', () => {
    expect(() => sortByField([pod('a', {})], (i) => i, '.spec.nope')).toThrow('error: couldn\'t find any field with path "{.spec.nope}" in the list of objects');
  });
});
