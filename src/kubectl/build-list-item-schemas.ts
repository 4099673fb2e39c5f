/**
 * Derives list-item-schemas.json: the served OpenAPI v3 schemas of the built-in definitions with
 * only what validating a List's items reads (types, fields, required fields, references, kinds).
 * Built ahead of time because asking the server for a group-version document builds every one of
 * them in one synchronous stretch. list-item-schemas.test.ts keeps the file in sync
 * (`npx vitest run src/kubectl/list-item-schemas.test.ts -u` rewrites it).
 */

type Schema = { [key: string]: unknown };

const KEPT = new Set(['$ref', 'allOf', 'oneOf', 'anyOf', 'type', 'properties', 'additionalProperties', 'items', 'required', 'x-kubernetes-group-version-kind']);

export function buildListItemSchemas(schemas: Readonly<Record<string, Schema>>): Record<string, Schema> {
  return Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((name) => [name, validationShape(schemas[name]!)]),
  );
}

function validationShape(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([field, child]) => [field, validationShape(child)]));
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = typeof value === 'object' && value !== null ? validationShape(value as Schema) : value;
    } else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') {
      out[key] = (value as unknown[]).map((v) => (typeof v === 'object' && v !== null ? validationShape(v as Schema) : v));
    } else out[key] = value;
  }
  return out;
}
