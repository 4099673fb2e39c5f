import { describe, expect, it } from 'vitest';
import type { SchemaProps } from './schema-props.ts';
import { pruneUnknownFields } from './schema-pruning.ts';

const SCHEMA: SchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        size: { type: 'integer' },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    },
  },
};

const cases: { name: string; obj: Record<string, unknown>; pruned: Record<string, unknown>; dropped: string[] }[] = [
  { name: 'keeps the root fields the server owns', obj: { apiVersion: 'v', kind: 'K', metadata: {} }, pruned: { apiVersion: 'v', kind: 'K', metadata: {} }, dropped: [] },
  { name: 'drops an undeclared field', obj: { spec: { size: 1, colour: 'red' } }, pruned: { spec: { size: 1 } }, dropped: ['spec.colour'] },
  { name: 'drops an undeclared root field', obj: { extra: true, spec: {} }, pruned: { spec: {} }, dropped: ['extra'] },
  { name: 'keeps what preserve-unknown-fields covers', obj: { spec: { free: { a: { b: 1 } } } }, pruned: { spec: { free: { a: { b: 1 } } } }, dropped: [] },
  { name: 'keeps map entries', obj: { spec: { labels: { a: 'b' } } }, pruned: { spec: { labels: { a: 'b' } } }, dropped: [] },
  { name: 'names list items by index', obj: { spec: { items: [{ name: 'a', x: 1 }] } }, pruned: { spec: { items: [{ name: 'a' }] } }, dropped: ['spec.items[0].x'] },
];

describe('pruneUnknownFields', () => {
  it.each(cases)('$name', ({ obj, pruned, dropped }) => {
    expect(pruneUnknownFields(obj, SCHEMA)).toEqual(dropped);
    expect(obj).toEqual(pruned);
  });
});
