/**
 * Client-side schema validation of a List's items' metadata. kubectl asks the server to validate
 * fields of an object it sends, but a List is no served kind, so it validates the List's items
 * itself against the OpenAPI schema (kubectl/pkg/validation paramVerifyingSchema falling back to
 * schemaValidation). Only ObjectMeta is modelled here: it is the part every kind shares, and the
 * part kubectl needs intact to address the request.
 * Models k8s.io/kube-openapi pkg/util/proto/validation types.go and errors.go.
 */

type Node =
  | { is: 'string' | 'integer' | 'boolean' | 'any' }
  | { is: 'map'; of: Node }
  | { is: 'array'; of: Node }
  | { is: 'kind'; name: string; fields: Record<string, Node>; required: string[] };

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const string: Node = { is: 'string' };
const integer: Node = { is: 'integer' };
const boolean: Node = { is: 'boolean' };

const OWNER_REFERENCE: Node = {
  is: 'kind',
  name: `${META}.OwnerReference`,
  fields: { apiVersion: string, blockOwnerDeletion: boolean, controller: boolean, kind: string, name: string, uid: string },
  required: ['apiVersion', 'kind', 'name', 'uid'],
};

const MANAGED_FIELDS_ENTRY: Node = {
  is: 'kind',
  name: `${META}.ManagedFieldsEntry`,
  fields: { apiVersion: string, fieldsType: string, fieldsV1: { is: 'any' }, manager: string, operation: string, subresource: string, time: string },
  required: [],
};

const OBJECT_META: Node = {
  is: 'kind',
  name: `${META}.ObjectMeta`,
  fields: {
    annotations: { is: 'map', of: string },
    creationTimestamp: string,
    deletionGracePeriodSeconds: integer,
    deletionTimestamp: string,
    finalizers: { is: 'array', of: string },
    generateName: string,
    generation: integer,
    labels: { is: 'map', of: string },
    managedFields: { is: 'array', of: MANAGED_FIELDS_ENTRY },
    name: string,
    namespace: string,
    ownerReferences: { is: 'array', of: OWNER_REFERENCE },
    resourceVersion: string,
    selfLink: string,
    uid: string,
  },
  required: [],
};

/** The item kinds of kube-openapi's itemFactory: YAML integers and floats stay apart. */
function itemKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'map';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'string';
}

function validate(value: unknown, node: Node, path: string, schemaPath: string, errors: string[]): void {
  if (value === null || value === undefined || node.is === 'any') return;
  const kind = itemKind(value);
  const fail = (expected: string) => errors.push(`ValidationError(${path}): invalid type for ${schemaPath}: got "${kind}", expected "${expected}"`);
  switch (node.is) {
    case 'string':
      // A string schema takes any primitive (primitiveItem.VisitPrimitive).
      if (kind === 'array' || kind === 'map') fail('string');
      return;
    case 'integer':
      if (kind !== 'integer' && kind !== 'number') fail('integer');
      return;
    case 'boolean':
      if (kind !== 'boolean') fail('boolean');
      return;
    case 'map':
      if (kind !== 'map') return void fail('map');
      for (const key of Object.keys(value as object).sort()) validate((value as Record<string, unknown>)[key], node.of, `${path}.${key}`, schemaPath, errors);
      return;
    case 'array':
      if (kind !== 'array') return void fail('array');
      (value as unknown[]).forEach((item, i) => validate(item, node.of, `${path}[${i}]`, schemaPath, errors));
      return;
    case 'kind': {
      if (kind !== 'map') return void fail('map');
      const fields = value as Record<string, unknown>;
      for (const key of Object.keys(fields).sort()) {
        if (fields[key] === null) continue;
        const field = node.fields[key];
        if (field === undefined) errors.push(`ValidationError(${path}): unknown field "${key}" in ${node.name}`);
        else validate(fields[key], field, `${path}.${key}`, `${node.name}.${key}`, errors);
      }
      for (const key of node.required) {
        if (fields[key] === undefined || fields[key] === null) errors.push(`ValidationError(${path}): missing required field "${key}" in ${node.name}`);
      }
    }
  }
}

/** The schema errors of one List item's metadata, as kubectl words them; the item has a string kind. */
export function listItemMetadataErrors(item: Record<string, unknown>): string[] {
  const errors: string[] = [];
  validate(item.metadata, OBJECT_META, `${String(item.kind)}.metadata`, `${META}.ObjectMeta`, errors);
  return errors;
}
