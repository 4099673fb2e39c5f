/**
 * Whether an openAPIV3Schema is structural, as v1 CRDs must be: every field has a type (unless it
 * preserves unknown fields or is int-or-string), arrays say what their items are, metadata is left
 * to the server. Models staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/validation.go
 * and the schema checks of pkg/apis/apiextensions/validation.
 */
import type { SchemaProps } from './schema-props.ts';
import { type FieldError, forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];

type Position = 'root' | 'property' | 'items' | 'additionalProperties';

const EMPTY_TYPE: Record<Position, string> = {
  root: 'must not be empty at the root',
  property: 'must not be empty for specified object fields',
  items: 'must not be empty for specified array items',
  additionalProperties: 'must not be empty for specified additionalProperties',
};

export function validateStructuralSchema(schema: SchemaProps, path: string, statusEnabled: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (statusEnabled && schema.type !== undefined && schema.type !== 'object') {
    errs.push(invalid(`${path}.type`, goValue(schema.type), 'only "object" is allowed as the type at the root of the schema if the status subresource is enabled'));
  }
  walk(schema, path, 'root', errs);
  if (schema.type !== undefined && schema.type !== 'object' && TYPES.includes(schema.type)) errs.push(invalid(`${path}.type`, goValue(schema.type), 'must be object at the root'));
  const metadata = schema.properties?.['metadata'];
  if (metadata && !isNameOnlyMetadata(metadata)) {
    errs.push(forbidden(`${path}.properties[metadata]`, 'must not specify anything other than name and generateName, but metadata is implicitly specified'));
  }
  return errs;
}

function isNameOnlyMetadata(metadata: SchemaProps): boolean {
  const { type, properties, ...rest } = metadata;
  if (Object.keys(rest).length > 0 || (type !== undefined && type !== 'object')) return false;
  return Object.keys(properties ?? {}).every((k) => k === 'name' || k === 'generateName');
}

function walk(schema: SchemaProps, path: string, position: Position, errs: FieldError[]): void {
  const preserves = schema['x-kubernetes-preserve-unknown-fields'];
  if (schema.type === undefined) {
    if (!schema['x-kubernetes-int-or-string'] && preserves !== true) errs.push(required(`${path}.type`, EMPTY_TYPE[position]));
  } else if (!TYPES.includes(schema.type)) {
    errs.push(notSupported(`${path}.type`, goValue(schema.type), TYPES));
  }
  if (preserves === false) errs.push(invalid(`${path}.x-kubernetes-preserve-unknown-fields`, 'false', 'must be true or undefined'));
  if (schema.uniqueItems === true) errs.push(forbidden(`${path}.uniqueItems`, 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  if (schema.type === 'array' && schema.items === undefined) errs.push(required(`${path}.items`, 'must be specified'));
  const additional = schema.additionalProperties;
  if (additional !== undefined && schema.properties && Object.keys(schema.properties).length > 0 && (additional === false || typeof additional === 'object')) {
    errs.push(forbidden(`${path}.additionalProperties`, 'additionalProperties and properties are mutual exclusive'));
  }
  if (typeof additional === 'object') walk(additional, `${path}.additionalProperties`, 'additionalProperties', errs);
  for (const name of Object.keys(schema.properties ?? {}).sort()) {
    if (position === 'root' && name === 'metadata') continue;
    walk(schema.properties![name]!, `${path}.properties[${name}]`, 'property', errs);
  }
  if (schema.items !== undefined) {
    if (Array.isArray(schema.items)) errs.push(forbidden(`${path}.items`, 'items must be a schema object and not an array'));
    else walk(schema.items as SchemaProps, `${path}.items`, 'items', errs);
  }
  if (schema.$ref !== undefined) errs.push(forbidden(`${path}.$ref`, '$ref is not supported'));
}
