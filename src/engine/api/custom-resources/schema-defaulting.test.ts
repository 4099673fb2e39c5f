import { describe, expect, it } from 'vitest';
import type { SchemaProps } from './schema-props.ts';
import { applySchemaDefaults } from './schema-defaulting.ts';

const SCHEMA: SchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      default: {},
      properties: {
        replicas: { type: 'integer', default: 1 },
        ports: { type: 'array', items: { type: 'object', properties: { protocol: { type: 'string', default: 'TCP' } } } },
      },
    },
  },
};

const cases: { name: string; obj: Record<string, unknown>; defaulted: Record<string, unknown> }[] = [
  { name: 'creates a defaulted object and defaults inside it', obj: {}, defaulted: { spec: { replicas: 1 } } },
  { name: 'keeps a value that is set', obj: { spec: { replicas: 3 } }, defaulted: { spec: { replicas: 3 } } },
  {
    name: 'defaults every list item',
    obj: { spec: { ports: [{}, { protocol: 'UDP' }] } },
    defaulted: { spec: { replicas: 1, ports: [{ protocol: 'TCP' }, { protocol: 'UDP' }] } },
  },
];

describe('applySchemaDefaults', () => {
  it.each(cases)('$name', ({ obj, defaulted }) => {
    applySchemaDefaults(obj, SCHEMA);
    expect(obj).toEqual(defaulted);
  });
});
