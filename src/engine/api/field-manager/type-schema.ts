/**
 * The structural schema server-side apply walks, read from the type table (field-types.ts): structs, maps,
 * lists (atomic, set, or map keyed by x-kubernetes-list-map-keys) and scalars.
 * Models kube-openapi pkg/schemaconv (ToSchema): a list without x-kubernetes-list-type falls back
 * to its patch strategy, `merge` with a merge key being a map list, `merge` alone a set.
 */
import { deepFreeze } from '../../store/deep-freeze.ts';
import type { Schema } from '../openapi/openapi-data.ts';
import { fieldDefaults, fieldDefinition, fieldDefinitionNameOf, REF_PREFIX } from './field-types.ts';

export type TypeNode =
  | { kind: 'scalar' }
  | { kind: 'struct'; name: string; fields: Record<string, Schema>; atomic: boolean }
  | { kind: 'map'; values: Schema | undefined; atomic: boolean }
  | { kind: 'list'; items: Schema; listType: 'atomic' | 'set' | 'map'; keys: string[]; keyDefaults: Record<string, unknown> };

/** A schema-less value (RawExtension, FieldsV1): maps are granular, lists atomic. */
export const UNTYPED: Schema = { type: 'object', 'x-untyped': true };

const SCALAR_DEFINITIONS = new Set([
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  'io.k8s.apimachinery.pkg.api.resource.Quantity',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
]);

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

const cache = new WeakMap<Schema, TypeNode>();

/** The root schema of a kind, or undefined for a kind our OpenAPI data does not describe. */
export function rootSchemaOf(group: string, version: string, kind: string): Schema | undefined {
  const name = fieldDefinitionNameOf({ group, version, kind });
  if (!name) return undefined;
  // One object per kind: the resolved-type and zero-object caches are keyed by schema identity.
  let schema = rootSchemas.get(name);
  if (!schema) {
    schema = Object.freeze({ $ref: `${REF_PREFIX}${name}` });
    rootSchemas.set(name, schema);
  }
  return schema;
}

const rootSchemas = new Map<string, Schema>();

export function resolveType(schema: Schema): TypeNode {
  let node = cache.get(schema);
  if (!node) {
    node = resolveUncached(schema);
    cache.set(schema, node);
  }
  return node;
}

function resolveUncached(schema: Schema): TypeNode {
  const ref = schema.$ref as string | undefined;
  if (ref) {
    const name = ref.slice(REF_PREFIX.length);
    const def = fieldDefinition(name);
    if (!def || SCALAR_DEFINITIONS.has(name)) return { kind: 'scalar' };
    if (def.properties) {
      return { kind: 'struct', name, fields: def.properties as Record<string, Schema>, atomic: def['x-kubernetes-map-type'] === 'atomic' };
    }
    return resolveUncached(def);
  }
  if (schema.type === 'array') return listNode(schema);
  if (schema.type === 'object' || schema['x-untyped']) {
    const values = schema.additionalProperties as Schema | undefined;
    return { kind: 'map', values: values ?? (schema.properties ? undefined : UNTYPED), atomic: schema['x-kubernetes-map-type'] === 'atomic' };
  }
  return { kind: 'scalar' };
}

function listNode(schema: Schema): TypeNode {
  const items = (schema.items as Schema | undefined) ?? UNTYPED;
  let listType = schema['x-kubernetes-list-type'] as 'atomic' | 'set' | 'map' | undefined;
  let keys = (schema['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
  if (!listType) {
    const strategy = String(schema['x-kubernetes-patch-strategy'] ?? '');
    const mergeKey = schema['x-kubernetes-patch-merge-key'] as string | undefined;
    if (strategy.split(',').includes('merge')) {
      listType = mergeKey ? 'map' : 'set';
      keys = mergeKey ? [mergeKey] : [];
    } else listType = 'atomic';
  }
  // A key field the item leaves out takes its schema default (a port's protocol is TCP).
  const itemRef = items.$ref as string | undefined;
  const defaults = itemRef ? fieldDefaults(itemRef.slice(REF_PREFIX.length)) : undefined;
  const keyDefaults: Record<string, unknown> = {};
  for (const key of keys) if (defaults?.[key] !== undefined) keyDefaults[key] = defaults[key];
  return { kind: 'list', items, listType, keys, keyDefaults };
}

/** The schema of a struct's field or a map's value; undefined for a field the struct does not declare. */
export function childSchema(node: TypeNode & { kind: 'struct' | 'map' }, key: string): Schema | undefined {
  return node.kind === 'struct' ? node.fields[key] : node.values;
}

/**
 * The typed zero value of a kind as the server creates it for an absent object (`creater.New`):
 * value structs present and empty, required lists null, everything optional absent.
 */
export function zeroObject(schema: Schema): Record<string, unknown> {
  const node = resolveType(schema);
  const out: Record<string, unknown> = {};
  if (node.kind !== 'struct') return out;
  // metav1.Time without omitempty: a zero ObjectMeta carries `creationTimestamp: null`.
  if (node.name === OBJECT_META) out.creationTimestamp = null;
  const def = fieldDefinition(node.name)!;
  const required = new Set((def.required as string[] | undefined) ?? []);
  const defaults = fieldDefaults(node.name) ?? {};
  for (const [field, fieldSchema] of Object.entries(node.fields)) {
    const isValueStruct = isPlainObject(defaults[field]) && Object.keys(defaults[field] as object).length === 0;
    const child = resolveType(fieldSchema);
    if (isValueStruct && child.kind === 'struct') out[field] = zeroObject(fieldSchema);
    else if (required.has(field) && child.kind === 'list') out[field] = null;
  }
  return out;
}

const sharedZeroObjects = new WeakMap<Schema, Readonly<Record<string, unknown>>>();

/** zeroObject, built once per kind and frozen, for callers that only read it (every create's field tracking). */
export function sharedZeroObject(schema: Schema): Readonly<Record<string, unknown>> {
  let zero = sharedZeroObjects.get(schema);
  if (!zero) {
    zero = deepFreeze(zeroObject(schema));
    sharedZeroObjects.set(schema, zero);
  }
  return zero;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
