/**
 * Structural defaulting: a field the schema gives a `default` is set when absent, in every object
 * present (and in those a default itself creates). Models
 * staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting/algorithm.go.
 */
import type { SchemaProps } from './schema-props.ts';
import { deepCopy } from '../../store/deep-copy.ts';

type Json = Record<string, unknown>;

export function applySchemaDefaults(value: unknown, schema: SchemaProps | undefined): void {
  if (!schema || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (schema.items && !Array.isArray(schema.items)) for (const item of value) applySchemaDefaults(item, schema.items as SchemaProps);
    return;
  }
  const obj = value as Json;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (obj[name] === undefined && property.default !== undefined) obj[name] = deepCopy(property.default);
    applySchemaDefaults(obj[name], property);
  }
  const additional = schema.additionalProperties;
  if (typeof additional === 'object') for (const key of Object.keys(obj)) if (!schema.properties?.[key]) applySchemaDefaults(obj[key], additional);
}
