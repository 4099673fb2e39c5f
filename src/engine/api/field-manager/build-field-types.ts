/**
 * Derives the field manager's type table (field-types.json) from the full OpenAPI data: each
 * definition's shape without its prose (descriptions, formats, scalar types), and of the v3 facts
 * only the defaults. The full documents are a chunk loaded after the prompt; every write needs
 * this table. field-types.test.ts keeps it in sync (`npx vitest run src/engine/api/field-manager -u`
 * rewrites it).
 */
import type { PropertyFacts, Schema } from '../openapi/openapi-data.ts';

export interface FieldTypes {
  /** Definition name -> its schema, as server-side apply walks it (type-schema.ts). */
  definitions: Record<string, Schema>;
  /** Definition name -> field -> the default openapi-gen gives it (a list key's `TCP`, a value struct's `{}`). */
  defaults: Record<string, Record<string, unknown>>;
}

/** Words of a schema that never change how a field merges. */
const PROSE = new Set(['description', 'format', 'x-kubernetes-unions']);

export function buildFieldTypes(definitions: Record<string, Schema>, v3Facts: Record<string, Record<string, PropertyFacts>>): FieldTypes {
  const out: FieldTypes = { definitions: {}, defaults: {} };
  for (const name of Object.keys(definitions).sort()) out.definitions[name] = shapeOf(definitions[name]!);
  for (const name of Object.keys(v3Facts).sort()) {
    const defaults: Record<string, unknown> = {};
    for (const [field, facts] of Object.entries(v3Facts[name]!)) if (facts.default !== undefined) defaults[field] = facts.default;
    if (Object.keys(defaults).length > 0) out.defaults[name] = defaults;
  }
  return out;
}

function shapeOf(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (PROSE.has(key)) continue;
    // A scalar is a scalar whatever its type: only lists and maps are walked.
    if (key === 'type' && value !== 'array' && value !== 'object') continue;
    if (key === 'properties') {
      const fields = value as Record<string, Schema>;
      out.properties = Object.fromEntries(Object.entries(fields).map(([field, child]) => [field, shapeOf(child)]));
    } else if (key === 'items' || key === 'additionalProperties') out[key] = isSchema(value) ? shapeOf(value) : value;
    else out[key] = value;
  }
  return out;
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
