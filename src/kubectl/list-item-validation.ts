/**
 * Client-side schema validation of a List's items. kubectl asks the server to validate fields of
 * an object it sends, but a List is no served kind, so it validates the List's items itself
 * against the OpenAPI schema (kubectl/pkg/validation paramVerifyingSchema falling back to
 * schemaValidation). The schemas are the served OpenAPI v3 ones (built ahead of time), seen as
 * kube-openapi's proto models of the v2 document: Kind, Map, Array, Primitive, Arbitrary.
 * Models k8s.io/kube-openapi pkg/util/proto/document.go ParseSchema and validation/types.go.
 */
type Node =
  | { is: 'string' | 'integer' | 'number' | 'boolean' | 'any'; path: string }
  | { is: 'map'; of: () => Node; path: string }
  | { is: 'array'; of: () => Node; path: string }
  | { is: 'kind'; path: string; fields: Record<string, () => Node>; required: string[] };

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: unknown[];
  anyOf?: unknown[];
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  'x-kubernetes-group-version-kind'?: { group?: string; version?: string; kind?: string }[];
};

/** The schemas of the built-in kinds (list-item-schemas.json), a chunk of their own. */
let table: Promise<Record<string, Schema>> | undefined;
function builtInSchemas(): Promise<Record<string, Schema>> {
  table ??= import('./list-item-schemas.json').then((m) => m.default as Record<string, Schema>);
  return table;
}

/**
 * Starts loading the schemas in the background (kubectl's first run), so that validating a List
 * never waits for the chunk while Ctrl-C goes unanswered. A failed load is retried when needed.
 */
export function preloadListItemSchemas(): void {
  builtInSchemas().catch(() => (table = undefined));
}

/** The items' schemas, each parsed once per command. */
export class ListItemSchemas {
  readonly #models = new Map<string, Node>();

  /** The schema errors of one List item, as kubectl words them; the item has string apiVersion and kind. */
  async errorsOf(item: Record<string, unknown>): Promise<string[]> {
    const apiVersion = String(item.apiVersion);
    const kind = String(item.kind);
    const slash = apiVersion.indexOf('/');
    const [group, version] = slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
    const schemas = await builtInSchemas();
    const name = findKind(schemas, group, version, kind);
    // A kind without a built-in schema is not validated (schemaValidation.validateResource); a
    // custom kind's schema would be the server's to build, which is what blocked the worker.
    if (!name) return [];
    const errors: string[] = [];
    validate(item, this.#model(schemas, name), kind, errors);
    return errors;
  }

  #model(schemas: Record<string, Schema>, name: string): Node {
    let node = this.#models.get(name);
    if (!node) {
      node = this.#parse(schemas, schemas[name] ?? {}, name);
      this.#models.set(name, node);
    }
    return node;
  }

  // Models document.go ParseSchema; v3's `allOf: [$ref]` wrapper is v2's plain reference, and its
  // oneOf (IntOrString, Quantity) is v2's `type: string`.
  #parse(schemas: Record<string, Schema>, schema: Schema, path: string): Node {
    const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0]!.$ref : undefined);
    if (ref) return this.#model(schemas, ref.replace('#/components/schemas/', ''));
    if (schema.oneOf || schema.anyOf) return { is: 'string', path };
    const type = schema.type;
    if (type === undefined) return schema.properties ? this.#kind(schemas, schema, path) : { is: 'any', path };
    if (type === 'object') {
      if (schema.properties) return this.#kind(schemas, schema, path);
      const values = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      return { is: 'map', of: () => (values ? this.#parse(schemas, values, path) : { is: 'any', path }), path };
    }
    if (type === 'array') return { is: 'array', of: () => this.#parse(schemas, schema.items ?? {}, path), path };
    if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') return { is: type, path };
    return { is: 'any', path };
  }

  #kind(schemas: Record<string, Schema>, schema: Schema, path: string): Node {
    const fields: Record<string, () => Node> = {};
    for (const [key, field] of Object.entries(schema.properties ?? {})) {
      let parsed: Node | undefined;
      fields[key] = () => (parsed ??= this.#parse(schemas, field, `${path}.${key}`));
    }
    return { is: 'kind', path, fields, required: schema.required ?? [] };
  }
}

function findKind(schemas: Record<string, Schema>, group: string, version: string, kind: string): string | undefined {
  return Object.keys(schemas).find((name) =>
    schemas[name]!['x-kubernetes-group-version-kind']?.some((gvk) => (gvk.group ?? '') === group && gvk.version === version && gvk.kind === kind),
  );
}

/** The item kinds of kube-openapi's itemFactory: YAML integers and floats stay apart. */
function itemKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'map';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'string';
}

// Iterative, depth first as the recursive original reports: an item may nest as deep as the
// manifest reader allows. An error is queued in its place among the values still to visit.
type Visit = { value: unknown; node: Node; path: string } | { error: string };

function validate(root: unknown, rootNode: Node, rootPath: string, errors: string[]): void {
  const work: Visit[] = [{ value: root, node: rootNode, path: rootPath }];
  while (work.length > 0) {
    const visit = work.shift()!;
    if ('error' in visit) {
      errors.push(visit.error);
      continue;
    }
    const { value, node, path } = visit;
    if (value === null || value === undefined || node.is === 'any') continue;
    const kind = itemKind(value);
    const fail = (expected: string) => errors.push(`ValidationError(${path}): invalid type for ${node.path}: got "${kind}", expected "${expected}"`);
    const nested: Visit[] = [];
    switch (node.is) {
      case 'string':
        // A string schema takes any primitive (primitiveItem.VisitPrimitive).
        if (kind === 'array' || kind === 'map') fail('string');
        break;
      case 'integer':
      case 'number':
        if (kind !== 'integer' && kind !== 'number') fail(node.is);
        break;
      case 'boolean':
        if (kind !== 'boolean') fail('boolean');
        break;
      case 'map':
        if (kind !== 'map') fail('map');
        else for (const key of Object.keys(value as object).sort()) nested.push({ value: (value as Record<string, unknown>)[key], node: node.of(), path: `${path}.${key}` });
        break;
      case 'array':
        if (kind !== 'array') fail('array');
        else (value as unknown[]).forEach((item, i) => nested.push({ value: item, node: node.of(), path: `${path}[${i}]` }));
        break;
      case 'kind': {
        if (kind !== 'map') {
          fail('map');
          break;
        }
        const fields = value as Record<string, unknown>;
        for (const key of Object.keys(fields).sort()) {
          if (fields[key] === null) continue;
          const field = node.fields[key];
          if (field === undefined) nested.push({ error: `ValidationError(${path}): unknown field "${key}" in ${node.path}` });
          else nested.push({ value: fields[key], node: field(), path: `${path}.${key}` });
        }
        for (const key of node.required) {
          if (fields[key] === undefined || fields[key] === null) nested.push({ error: `ValidationError(${path}): missing required field "${key}" in ${node.path}` });
        }
      }
    }
    work.unshift(...nested);
  }
}
