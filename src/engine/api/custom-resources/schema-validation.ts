/**
 * A custom object checked against its version's openAPIV3Schema, worded as the apiserver words
 * kube-openapi's errors (`spec.replicas: Invalid value: 0: spec.replicas in body should be greater
 * than or equal to 1`). Models staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/validation/validation.go
 * ConvertSchemaValidationErrors over k8s.io/kube-openapi/pkg/validation/validate.
 */
import type { SchemaProps } from './schema-props.ts';
import { type FieldError, goValue, invalid, notSupported, required, tooLong, tooMany } from '../field-error.ts';

type Json = Record<string, unknown>;

const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

export function validateAgainstSchema(obj: Json, schema: SchemaProps): FieldError[] {
  const errs: FieldError[] = [];
  validateValue(obj, schema, '', errs, true);
  return errs;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(type: string, value: unknown): boolean {
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function validateValue(value: unknown, schema: SchemaProps, path: string, errs: FieldError[], isRoot = false): void {
  const name = path || '.';
  if (value === null) {
    if (schema.nullable) return;
    if (schema.type) errs.push(invalid(name, '"null"', `${name} in body must be of type ${schema.type}: "null"`));
    return;
  }
  if (schema['x-kubernetes-int-or-string']) {
    const type = jsonType(value);
    if (type !== 'integer' && type !== 'string') errs.push(invalid(name, goValue(value), `${name} in body must be of type integer,string: "${type}"`));
  } else if (schema.type && !typeMatches(schema.type, value)) {
    errs.push(invalid(name, goValue(value), `${name} in body must be of type ${schema.type}: "${jsonType(value)}"`));
    return;
  }
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errs.push(
      notSupported(
        name,
        goValue(value),
        schema.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))),
      ),
    );
  }
  if (typeof value === 'number') validateNumber(value, schema, name, errs);
  if (typeof value === 'string') validateString(value, schema, name, errs);
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errs.push(tooMany(name, value.length, schema.maxItems));
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errs.push(invalid(name, String(value.length), `${name} in body should have at least ${schema.minItems} items`));
    if (schema.items && !Array.isArray(schema.items)) value.forEach((item, i) => validateValue(item, schema.items as SchemaProps, `${path}[${i}]`, errs));
  } else if (typeof value === 'object') {
    const obj = value as Json;
    for (const field of schema.required ?? []) {
      if (obj[field] === undefined) errs.push(required(path ? `${path}.${field}` : field));
    }
    for (const key of Object.keys(obj).sort()) {
      if (isRoot && ROOT_FIELDS.has(key)) continue;
      const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (property) validateValue(obj[key], property, path ? `${path}.${key}` : key, errs);
    }
  }
}

function validateNumber(value: number, schema: SchemaProps, name: string, errs: FieldError[]): void {
  if (schema.minimum !== undefined) {
    if (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)
      errs.push(invalid(name, goValue(value), `${name} in body should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${schema.minimum}`));
  }
  if (schema.maximum !== undefined) {
    if (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)
      errs.push(invalid(name, goValue(value), `${name} in body should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${schema.maximum}`));
  }
  if (schema.multipleOf !== undefined && value % schema.multipleOf !== 0) errs.push(invalid(name, goValue(value), `${name} in body should be a multiple of ${schema.multipleOf}`));
}

function validateString(value: string, schema: SchemaProps, name: string, errs: FieldError[]): void {
  const length = [...value].length;
  if (schema.maxLength !== undefined && length > schema.maxLength) errs.push(tooLong(name, `may not be more than ${schema.maxLength} bytes`));
  if (schema.minLength !== undefined && length < schema.minLength) errs.push(invalid(name, goValue(value), `${name} in body should be at least ${schema.minLength} chars long`));
  if (schema.pattern !== undefined && !matchesPattern(schema.pattern, value)) errs.push(invalid(name, goValue(value), `${name} in body should match '${schema.pattern}'`));
}

function matchesPattern(pattern: string, value: string): boolean {
  try {
    // Go's regexp is RE2; the patterns CRDs use read the same in JavaScript's dialect.
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}
