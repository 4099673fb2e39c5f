/**
 * Renders `kubectl explain` from an OpenAPI v3 document, step for step as kubectl's plaintext
 * template does (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl): the GVK from
 * the resource's paths, the schema carrying that GVK, the field path followed through $ref, allOf,
 * items and additionalProperties, then DESCRIPTION and FIELDS (or the recursive field tree).
 */
import { indent, wrapString } from './word-wrap.ts';

export type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  enum?: unknown[];
  type?: string;
  externalDocs?: { description?: string; url?: string };
};

export interface ExplainRequest {
  group: string;
  version: string;
  resource: string;
  fieldPath: string[];
  recursive: boolean;
}

/** What the template wrote before it stopped, and its `throw` message if it did. */
export interface ExplainResult {
  output: string;
  error?: string;
}

export interface Gvk {
  group: string;
  kind: string;
  version: string;
}

const sortedKeys = (record: Record<string, unknown>) => Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const objectMap = (value: Schema['additionalProperties']): Schema | undefined => (value && typeof value === 'object' ? value : undefined);

/** The GVK the resource's paths carry and the schema that declares it (the template's first steps). */
export function locateKind(document: Record<string, unknown>, request: ExplainRequest): { gvk?: Gvk; schema?: Schema } {
  const prefix = request.group ? `/apis/${request.group}` : '/api';
  const base = `${prefix}/${request.version}`;
  const candidates = [
    `${base}/${request.resource}`,
    `${base}/${request.resource}/{name}`,
    `${base}/namespaces/{namespace}/${request.resource}`,
    `${base}/namespaces/{namespace}/${request.resource}/{name}`,
  ];
  const paths = (document.paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  let gvk: Gvk | undefined;
  for (const candidate of candidates) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) gvk ??= paths[candidate]?.[method]?.['x-kubernetes-group-version-kind'] as Gvk | undefined;
  }
  if (!gvk) return {};
  const schemas = ((document.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<string, Schema>;
  const key = sortedKeys(schemas).find((k) =>
    ((schemas[k]!['x-kubernetes-group-version-kind'] as Gvk[] | undefined) ?? []).some((g) => g.group === gvk.group && g.kind === gvk.kind && g.version === gvk.version),
  );
  return key ? { gvk, schema: schemas[key]! } : { gvk };
}

export function renderExplain(document: Record<string, unknown>, request: ExplainRequest): ExplainResult {
  const { gvk, schema } = locateKind(document, request);
  if (!gvk) return { output: '', error: `error: GVR (${request.group}/${request.version}, Resource=${request.resource}) not found in OpenAPI schema` };
  const output = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  if (!schema) return { output, error: `error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema` };
  const text = new Renderer(document, request.recursive).output(schema, request.fieldPath, new Set());
  if (!text) return { output, error: `error: field "${request.fieldPath[request.fieldPath.length - 1]}" does not exist` };
  return { output: `${output}${text}\n` };
}

class Renderer {
  constructor(
    private readonly document: Record<string, unknown>,
    private readonly recursive: boolean,
  ) {}

  /** funcs.go resolveRef: a `#/components/schemas/…` reference looked up in the document. */
  private resolve(ref: unknown): Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let current: unknown = this.document;
    for (const part of ref.slice(1).split('/')) {
      if (part === '') continue;
      if (typeof current !== 'object' || current === null) return undefined;
      current = (current as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    return typeof current === 'object' && current !== null ? (current as Schema) : undefined;
  }

  output(schema: Schema, fieldPath: string[], history: Set<string>): string {
    const ref = schema.$ref ?? '';
    const next = new Set(history).add(ref);
    const resolved = this.resolve(ref) ?? schema;
    if (fieldPath.length === 0) {
      let text = `DESCRIPTION:\n${indent(4, wrapString(this.description(resolved) || '<empty>', 76))}\n`;
      text += this.externalDocs(resolved);
      const fields = this.fieldList(resolved, 1, new Set());
      if (fields) text += `FIELDS:\n${fields}`;
      return text;
    }
    if (ref && history.has(ref)) return '';
    const first = fieldPath[0]!;
    const sub = resolved.properties?.[first];
    if (sub) {
      let text = '';
      if (fieldPath.length === 1) text += `FIELD: ${first} <${this.typeGuess(sub)}>\n${this.enumText(sub, true, -1, 0)}\n\n`;
      return text + this.output(sub, fieldPath.slice(1), new Set());
    }
    if (resolved.items) return this.output(resolved.items, fieldPath, next);
    const map = objectMap(resolved.additionalProperties);
    if (map) return this.output(map, fieldPath, next);
    for (const alternative of resolved.allOf ?? []) {
      const text = this.output(alternative, fieldPath, next);
      if (text) return text;
    }
    return '';
  }

  private description(schema: Schema): string {
    const resolved = this.resolve(schema.$ref) ?? schema;
    let text = resolved.description ? `${resolved.description}\n` : '';
    for (const alternative of resolved.allOf ?? []) text += this.description(alternative);
    if (resolved.items) text += this.description(resolved.items);
    const map = objectMap(resolved.additionalProperties);
    if (map) text += this.description(map);
    return text;
  }

  private externalDocs(schema: Schema): string {
    const docs = schema.externalDocs;
    if (!docs) return '';
    let text = 'EXTERNAL DOCS:\n';
    if (docs.description) text += `${indent(4, wrapString(docs.description, 76))}\n`;
    if (docs.url) text += `${indent(4, `URL: ${docs.url}`)}\n`;
    return `\n${text}`;
  }

  private fieldList(schema: Schema, level: number, history: Set<string>): string {
    const ref = schema.$ref ?? '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = this.resolve(ref) ?? schema;
    let text = '';
    const properties = resolved.properties ?? {};
    for (const name of sortedKeys(properties)) {
      text += this.fieldDetail(name, resolved, level);
      if (this.recursive) text += this.fieldList(properties[name]!, level + 1, next);
    }
    for (const alternative of resolved.allOf ?? []) text += this.fieldList(alternative, level, next);
    if (resolved.items) text += this.fieldList(resolved.items, level, next);
    const map = objectMap(resolved.additionalProperties);
    if (map) text += this.fieldList(map, level, next);
    return text;
  }

  private fieldDetail(name: string, parent: Schema, level: number): string {
    const amount = level * 2;
    const field = parent.properties![name]!;
    let text = `${indent(amount, name)}\t<${this.typeGuess(field)}>`;
    if (parent.required?.includes(name)) text += ' -required-';
    text += `${this.enumText(field, false, 4, amount)}\n`;
    if (this.recursive) return text;
    text += `${indent(amount + 2, wrapString(field.description || '<no description>', 78 - amount))}\n`;
    if (field.externalDocs) {
      text += `\n${indent(amount + 2, 'EXTERNAL DOCS:')}\n`;
      if (field.externalDocs.description) text += `${indent(amount + 4, wrapString(field.externalDocs.description, 76 - amount))}\n`;
      if (field.externalDocs.url) text += `${indent(amount + 4, `URL: ${field.externalDocs.url}`)}\n`;
    }
    return `${text}\n`;
  }

  private typeGuess(schema: Schema): string {
    if (schema.items) return `[]${this.typeGuess(schema.items)}`;
    const map = objectMap(schema.additionalProperties);
    if (map) return `map[string]${this.typeGuess(map)}`;
    if (schema.allOf && !schema.properties && schema.allOf.length === 1) return this.typeGuess(schema.allOf[0]!);
    if (schema.$ref) {
      const target = this.resolve(schema.$ref);
      if (!target || !target.type || target.type === 'object') return schema.$ref.split('/').pop()!.split('.').pop() || 'Object';
      return target.type;
    }
    return schema.type === 'object' ? 'Object' : schema.type || 'Object';
  }

  /** The `enum:` line of a field list (at most `limit` values) or the `ENUM:` block of one field. */
  private enumText(schema: Schema, longView: boolean, limit: number, amount: number): string {
    const values = schema.enum;
    if (!values?.length) return '';
    let text = longView ? 'ENUM:' : `\n${' '.repeat(amount)}enum: `;
    for (const [index, value] of values.entries()) {
      if (limit > -1 && index >= limit) {
        text += ', ....';
        break;
      }
      if (index > 0 && !longView) text += ', ';
      else if (longView) text += '\n    ';
      text += value === '' ? '""' : String(value);
    }
    return text;
  }
}
