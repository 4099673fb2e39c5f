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
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean | undefined;
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

/** The served CRDs, for items of custom kinds; undefined when they cannot be listed. */
export type CrdLister = () => Promise<unknown[] | undefined>;

/** The items' schemas, each parsed once per command. */
export class ListItemSchemas {
  readonly #models = new Map<string, Node>();
  readonly #listCrds: CrdLister;
  #crds: Promise<unknown[] | undefined> | undefined;

  constructor(listCrds: CrdLister = () => Promise.resolve(undefined)) {
    this.#listCrds = listCrds;
  }

  /** The schema errors of one List item, as kubectl words them; the item has string apiVersion and kind. */
  async errorsOf(item: Record<string, unknown>): Promise<string[]> {
    const apiVersion = String(item.apiVersion);
    const kind = String(item.kind);
    const slash = apiVersion.indexOf('/');
    const [group, version] = slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
    const schemas = await builtInSchemas();
    const name = findKind(schemas, group, version, kind);
    let model = name === undefined ? undefined : this.#model(schemas, name);
    // A custom kind is validated against the definition the apiserver publishes in /openapi/v2
    // for the CRD's version; a kind nobody defines is not validated (schemaValidation.validateResource).
    if (!model && group !== '') {
      this.#crds ??= this.#listCrds().catch(() => undefined);
      const found = findCustomKind((await this.#crds) ?? [], group, version, kind);
      if (found) model = this.#customModel(schemas, found);
    }
    if (!model) return [];
    const errors: string[] = [];
    validate(item, model, kind, errors);
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

  // Models apiextensions-apiserver pkg/controller/openapi/builder buildKubeNative for v2: a schema
  // that keeps unknown fields is a bare object; otherwise metadata is ObjectMeta and apiVersion and
  // kind are strings, whatever the CRD says of them.
  #customModel(schemas: Record<string, Schema>, found: CustomKind): Node {
    let node = this.#models.get(found.name);
    if (!node && found.listOf) {
      const item = found.listOf;
      const path = found.name;
      node = {
        is: 'kind',
        path,
        fields: {
          apiVersion: () => ({ is: 'string', path: `${path}.apiVersion` }),
          items: () => ({ is: 'array', of: () => this.#customModel(schemas, item), path: `${path}.items` }),
          kind: () => ({ is: 'string', path: `${path}.kind` }),
          metadata: () => this.#model(schemas, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'),
        },
        required: ['items'],
      };
      this.#models.set(path, node);
    }
    if (!node) {
      const schema = found.schema;
      if (schema === undefined || schema['x-kubernetes-preserve-unknown-fields'] === true) node = { is: 'map', of: () => ({ is: 'any', path: found.name }), path: found.name };
      else {
        const root = this.#parseCustom(schemas, { ...schema, 'x-kubernetes-preserve-unknown-fields': undefined }, found.name);
        if (root.is === 'kind') {
          root.fields.metadata = () => this.#model(schemas, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
          root.fields.apiVersion = () => ({ is: 'string', path: `${found.name}.apiVersion` });
          root.fields.kind = () => ({ is: 'string', path: `${found.name}.kind` });
        }
        node = root;
      }
      this.#models.set(found.name, node);
    }
    return node;
  }

  // Models document.go ParseSchema; v3's `allOf: [$ref]` wrapper is v2's plain reference, and its
  // oneOf (IntOrString, Quantity) is v2's `type: string`.
  #parse(schemas: Record<string, Schema>, schema: Schema, path: string): Node {
    const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0]!.$ref : undefined);
    if (ref) return this.#model(schemas, ref.replace('#/components/schemas/', ''));
    if (schema.oneOf || schema.anyOf) return { is: 'string', path };
    return this.#typed(schema, path, (s, p) => this.#parse(schemas, s, p), schema.required ?? []);
  }

  // A CRD's structural schema as the apiserver turns it into v2 (openapi/v2 ToStructuralOpenAPIV2):
  // junctors dropped; a nullable value untyped; a value keeping unknown fields loses its
  // properties and items, and an object or array left so is untyped; a nullable property is not required.
  #parseCustom(schemas: Record<string, Schema>, schema: Schema, path: string): Node {
    if (schema.nullable === true) return { is: 'any', path };
    let shaped = schema;
    if (schema['x-kubernetes-preserve-unknown-fields'] === true) {
      const { properties: _p, items: _i, ...rest } = schema;
      shaped = rest;
      if (shaped.type === 'object') return { is: 'any', path };
    }
    if (shaped.type === 'array' && shaped.items === undefined) return { is: 'any', path };
    const properties = shaped.properties ?? {};
    const values = shaped.additionalProperties;
    const required = typeof values === 'object' && values.nullable === true ? [] : (shaped.required ?? []).filter((key) => properties[key]?.nullable !== true);
    return this.#typed(shaped, path, (s, p) => this.#parseCustom(schemas, s, p), required);
  }

  #typed(schema: Schema, path: string, parse: (schema: Schema, path: string) => Node, required: string[]): Node {
    const type = schema.type;
    if (type === undefined) return schema.properties ? this.#kind(schema, path, parse, required) : { is: 'any', path };
    if (type === 'object') {
      if (schema.properties) return this.#kind(schema, path, parse, required);
      const values = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      return { is: 'map', of: () => (values ? parse(values, path) : { is: 'any', path }), path };
    }
    if (type === 'array') return { is: 'array', of: () => parse(schema.items ?? {}, path), path };
    if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') return { is: type, path };
    return { is: 'any', path };
  }

  #kind(schema: Schema, path: string, parse: (schema: Schema, path: string) => Node, required: string[]): Node {
    const fields: Record<string, () => Node> = {};
    for (const [key, field] of Object.entries(schema.properties ?? {})) {
      let parsed: Node | undefined;
      fields[key] = () => (parsed ??= parse(field, `${path}.${key}`));
    }
    return { is: 'kind', path, fields, required };
  }
}

function findKind(schemas: Record<string, Schema>, group: string, version: string, kind: string): string | undefined {
  return Object.keys(schemas).find((name) =>
    schemas[name]!['x-kubernetes-group-version-kind']?.some((gvk) => (gvk.group ?? '') === group && gvk.version === version && gvk.kind === kind),
  );
}

type CustomKind = { name: string; schema: Schema | undefined; listOf?: CustomKind };

/** The served version of a CRD defining the kind, named as the apiserver names its definition (`com.example.stable.v1.CronTab`). */
function findCustomKind(crds: unknown[], group: string, version: string, kind: string): CustomKind | undefined {
  for (const crd of crds as { spec?: CrdSpec; status?: { acceptedNames?: { kind?: unknown } } }[]) {
    const spec = crd?.spec;
    const defined = crd.status?.acceptedNames?.kind ?? spec?.names?.kind;
    if (spec?.group !== group || (defined !== kind && `${String(defined)}List` !== kind)) continue;
    const served = spec.versions?.find((v) => v?.name === version && v.served === true);
    if (!served) continue;
    const prefix = `${group.split('.').reverse().join('.')}.${version}`;
    const schema = served.schema?.openAPIV3Schema;
    const item = { name: `${prefix}.${String(defined)}`, schema: typeof schema === 'object' && schema !== null ? schema : undefined };
    // The apiserver publishes `<Kind>List` beside each kind: items of the kind, ListMeta (builder.go).
    return defined === kind ? item : { name: `${prefix}.${kind}`, schema: undefined, listOf: item };
  }
  return undefined;
}

type CrdSpec = {
  group?: unknown;
  names?: { kind?: unknown };
  versions?: { name?: unknown; served?: unknown; schema?: { openAPIV3Schema?: Schema } }[];
};

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
