/**
 * Turns a swagger 2.0 definition into its OpenAPI 3.0 component schema the way the apiserver's
 * v3 builder differs from v2: refs that carry a description or default go inside `allOf`,
 * openapi-gen's defaults and enums appear, and IntOrString / Quantity become `oneOf`.
 * Models k8s.io/kube-openapi pkg/builder3 and the OpenAPIV3OneOfTypes of intstr and resource.
 */
import { V3_FACTS, type Schema } from './openapi-data.ts';

export const COMPONENT_PREFIX = '#/components/schemas/';

const ONE_OF_TYPES: Record<string, string[]> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': ['integer', 'string'],
  'io.k8s.apimachinery.pkg.api.resource.Quantity': ['string', 'number'],
};

interface Defaults {
  self?: unknown;
  items?: unknown;
  values?: unknown;
}

function convert(node: Schema, defaults: Defaults = {}): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref') continue;
    if (key === 'items' && value && typeof value === 'object') out[key] = convert(value as Schema, { self: defaults.items });
    else if (key === 'additionalProperties' && value && typeof value === 'object') out[key] = convert(value as Schema, { self: defaults.values });
    else out[key] = value;
  }
  if (defaults.self !== undefined) out['default'] = defaults.self;
  const ref = node['$ref'];
  if (typeof ref !== 'string') return out;
  const v3Ref = { $ref: `${COMPONENT_PREFIX}${ref.slice(ref.lastIndexOf('/') + 1)}` };
  if (Object.keys(out).length === 0) return v3Ref;
  out['allOf'] = [v3Ref];
  return out;
}

export function v3Schema(name: string, definition: Schema): Schema {
  const out: Schema = {};
  const facts = V3_FACTS[name] ?? {};
  for (const [key, value] of Object.entries(definition)) {
    if (key !== 'properties') {
      out[key] = value;
      continue;
    }
    const properties: Schema = {};
    for (const [prop, schema] of Object.entries(value as Record<string, Schema>)) {
      const f = facts[prop] ?? {};
      const converted = convert(schema, { self: f.default, items: f.itemsDefault, values: f.valuesDefault });
      if (f.enum) {
        converted['description'] = `${String(converted['description'] ?? '')}${f.enumDescription ?? ''}`;
        converted['enum'] = f.enum;
      }
      properties[prop] = converted;
    }
    out[key] = properties;
  }
  const oneOf = ONE_OF_TYPES[name];
  if (oneOf) {
    delete out['type'];
    out['oneOf'] = oneOf.map((type) => ({ type }));
  }
  return out;
}
