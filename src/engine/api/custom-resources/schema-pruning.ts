/**
 * Pruning: fields the structural schema does not declare are dropped, and named so strict field
 * validation can refuse them (`unknown field "spec.colour"`). apiVersion, kind and metadata at the
 * root are the server's. Models staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning/algorithm.go.
 */
import type { SchemaProps } from './schema-props.ts';

type Json = Record<string, unknown>;

const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** Prunes `obj` in place; returns the dropped fields' paths. */
export function pruneUnknownFields(obj: Json, schema: SchemaProps): string[] {
  const dropped: string[] = [];
  pruneObject(obj, schema, '', true, dropped);
  return dropped;
}

function pruneValue(value: unknown, schema: SchemaProps | undefined, path: string, dropped: string[]): void {
  if (!schema || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (schema.items && !Array.isArray(schema.items)) value.forEach((item, i) => pruneValue(item, schema.items as SchemaProps, `${path}[${i}]`, dropped));
    return;
  }
  pruneObject(value as Json, schema, path, false, dropped);
}

function pruneObject(obj: Json, schema: SchemaProps, path: string, isRoot: boolean, dropped: string[]): void {
  const preserves = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = schema['x-kubernetes-embedded-resource'] === true;
  const additional = schema.additionalProperties;
  for (const key of Object.keys(obj)) {
    const fieldPath = path ? `${path}.${key}` : key;
    if ((isRoot || embedded) && ROOT_FIELDS.has(key)) continue;
    const property = schema.properties?.[key];
    if (property) pruneValue(obj[key], property, fieldPath, dropped);
    else if (typeof additional === 'object') pruneValue(obj[key], additional, fieldPath, dropped);
    else if (additional === true || preserves) continue;
    else {
      delete obj[key];
      dropped.push(fieldPath);
    }
  }
}
