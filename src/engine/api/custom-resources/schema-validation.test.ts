import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../field-error.ts';
import type { SchemaProps } from './schema-props.ts';
import { validateAgainstSchema } from './schema-validation.ts';

const SCHEMA: SchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['cronSpec'],
      properties: {
        cronSpec: { type: 'string', pattern: '^\\d+$' },
        replicas: { type: 'integer', minimum: 1, maximum: 10 },
        color: { type: 'string', enum: ['red', 'green'] },
        name: { type: 'string', minLength: 2, maxLength: 4 },
        tags: { type: 'array', maxItems: 1, items: { type: 'string' } },
      },
    },
  },
};

const cases: { name: string; spec: Record<string, unknown>; errors: string[] }[] = [
  { name: 'a valid object', spec: { cronSpec: '5', replicas: 3 }, errors: [] },
  { name: 'a missing required field', spec: {}, errors: ['spec.cronSpec: Required value'] },
  { name: 'a wrong type', spec: { cronSpec: '5', replicas: 'three' }, errors: ['spec.replicas: Invalid value: "three": spec.replicas in body must be of type integer: "string"'] },
  { name: 'above the maximum', spec: { cronSpec: '5', replicas: 20 }, errors: ['spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10'] },
  { name: 'below the minimum', spec: { cronSpec: '5', replicas: 0 }, errors: ['spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1'] },
  { name: 'outside the enum', spec: { cronSpec: '5', color: 'pink' }, errors: ['spec.color: Unsupported value: "pink": supported values: "red", "green"'] },
  { name: 'not matching the pattern', spec: { cronSpec: 'x' }, errors: ['spec.cronSpec: Invalid value: "x": spec.cronSpec in body should match \'^\\d+$\''] },
  { name: 'too long', spec: { cronSpec: '5', name: 'abcdef' }, errors: ['spec.name: Too long: may not be more than 4 bytes'] },
  { name: 'too short', spec: { cronSpec: '5', name: 'a' }, errors: ['spec.name: Invalid value: "a": spec.name in body should be at least 2 chars long'] },
  { name: 'too many items', spec: { cronSpec: '5', tags: ['a', 'b'] }, errors: ['spec.tags: Too many: 2: must have at most 1 items'] },
  { name: 'a wrong item type', spec: { cronSpec: '5', tags: [1] }, errors: ['spec.tags[0]: Invalid value: 1: spec.tags[0] in body must be of type string: "integer"'] },
];

describe('validateAgainstSchema', () => {
  it.each(cases)('$name', ({ spec, errors }) => {
    const obj = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec };
    expect(validateAgainstSchema(obj, SCHEMA).map(formatFieldError)).toEqual(errors);
  });
});
