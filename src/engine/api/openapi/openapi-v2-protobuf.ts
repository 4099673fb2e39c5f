/**
 * `/openapi/v2` as kubectl asks for it (`Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`):
 * the swagger document encoded as gnostic's openapi.v2.Document. kubectl needs it for
 * client-side validation, which it falls back to for `kind: List` files.
 * Field numbers from google/gnostic-models openapiv2/OpenAPIv2.proto. Vendor extensions and
 * defaults are `Any { yaml }`; JSON text is valid YAML, so values are written as JSON.
 */
import type { ApiResource } from '../client.ts';
import { openApiV2Document } from './openapi-v2.ts';
import type { CustomDefinitions } from './openapi-data.ts';
import { MessageWriter } from './protobuf-writer.ts';

type Json = { [key: string]: unknown };

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function anyValue(value: unknown): MessageWriter {
  return new MessageWriter().string(2, `${JSON.stringify(value)}\n`);
}

function vendorExtensions(w: MessageWriter, field: number, node: Json): void {
  for (const [name, value] of Object.entries(node)) {
    if (name.startsWith('x-')) w.message(field, new MessageWriter().string(1, name).message(2, anyValue(value)));
  }
}

function schema(node: Json): MessageWriter {
  const w = new MessageWriter()
    .string(1, node['$ref'] as string | undefined)
    .string(2, node['format'] as string | undefined)
    .string(3, node['title'] as string | undefined)
    .string(4, node['description'] as string | undefined);
  if ('default' in node) w.message(5, anyValue(node['default']));
  w.double(7, node['maximum'] as number | undefined).double(9, node['minimum'] as number | undefined);
  w.bool(16, node['uniqueItems'] as boolean | undefined);
  w.strings(19, node['required'] as string[] | undefined);
  for (const e of (node['enum'] as unknown[] | undefined) ?? []) w.message(20, anyValue(e));
  const additional = node['additionalProperties'];
  if (typeof additional === 'boolean') w.message(21, new MessageWriter().bool(2, additional));
  else if (isObject(additional)) w.message(21, new MessageWriter().message(1, schema(additional)));
  if (typeof node['type'] === 'string') w.message(22, new MessageWriter().strings(1, [node['type']]));
  if (isObject(node['items'])) w.message(23, new MessageWriter().message(1, schema(node['items'])));
  for (const s of (node['allOf'] as Json[] | undefined) ?? []) w.message(24, schema(s));
  if (isObject(node['properties'])) {
    const props = new MessageWriter();
    for (const [name, s] of Object.entries(node['properties'])) props.message(1, new MessageWriter().string(1, name).message(2, schema(s as Json)));
    w.message(25, props);
  }
  w.bool(27, node['readOnly'] as boolean | undefined);
  vendorExtensions(w, 31, node);
  return w;
}

function parameter(p: Json): MessageWriter {
  if (p['in'] === 'body') {
    const body = new MessageWriter()
      .string(1, p['description'] as string | undefined)
      .string(2, p['name'] as string)
      .string(3, 'body')
      .bool(4, p['required'] as boolean | undefined)
      .message(5, isObject(p['schema']) ? schema(p['schema']) : undefined);
    return new MessageWriter().message(1, new MessageWriter().message(1, body));
  }
  // Query and path sub-schemas share their first fields; type and uniqueItems sit one apart.
  const isPath = p['in'] === 'path';
  const sub = new MessageWriter()
    .bool(1, p['required'] as boolean | undefined)
    .string(2, p['in'] as string)
    .string(3, p['description'] as string | undefined)
    .string(4, p['name'] as string)
    .string(isPath ? 5 : 6, p['type'] as string | undefined)
    .bool(isPath ? 19 : 20, p['uniqueItems'] as boolean | undefined);
  return new MessageWriter().message(1, new MessageWriter().message(2, new MessageWriter().message(isPath ? 4 : 3, sub)));
}

function operation(op: Json): MessageWriter {
  const w = new MessageWriter()
    .strings(1, op['tags'] as string[] | undefined)
    .string(3, op['description'] as string | undefined)
    .string(5, op['operationId'] as string | undefined)
    .strings(6, op['produces'] as string[] | undefined)
    .strings(7, op['consumes'] as string[] | undefined);
  for (const p of (op['parameters'] as Json[] | undefined) ?? []) w.message(8, parameter(p));
  const responses = new MessageWriter();
  for (const [code, r] of Object.entries((op['responses'] as Record<string, Json> | undefined) ?? {})) {
    const response = new MessageWriter().string(1, r['description'] as string | undefined);
    if (isObject(r['schema'])) response.message(2, new MessageWriter().message(1, schema(r['schema'])));
    responses.message(1, new MessageWriter().string(1, code).message(2, new MessageWriter().message(1, response)));
  }
  w.message(9, responses).strings(10, op['schemes'] as string[] | undefined);
  vendorExtensions(w, 13, op);
  return w;
}

const METHOD_FIELDS: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 };

function pathItem(item: Json): MessageWriter {
  const w = new MessageWriter();
  for (const [method, field] of Object.entries(METHOD_FIELDS)) {
    if (isObject(item[method])) w.message(field, operation(item[method]));
  }
  for (const p of (item['parameters'] as Json[] | undefined) ?? []) w.message(9, parameter(p));
  return w;
}

function encodeDocument(doc: Json): Uint8Array {
  const info = doc['info'] as Json;
  const w = new MessageWriter().string(1, doc['swagger'] as string).message(2, new MessageWriter().string(1, info['title'] as string).string(2, info['version'] as string));
  const paths = new MessageWriter();
  for (const [path, item] of Object.entries(doc['paths'] as Record<string, Json>)) paths.message(2, new MessageWriter().string(1, path).message(2, pathItem(item)));
  w.message(8, paths);
  const definitions = new MessageWriter();
  for (const [name, s] of Object.entries(doc['definitions'] as Record<string, Json>)) definitions.message(1, new MessageWriter().string(1, name).message(2, schema(s)));
  w.message(9, definitions);
  for (const requirement of (doc['security'] as Record<string, string[]>[] | undefined) ?? []) {
    const r = new MessageWriter();
    for (const [name, scopes] of Object.entries(requirement)) r.message(1, new MessageWriter().string(1, name).message(2, new MessageWriter().strings(1, scopes)));
    w.message(12, r);
  }
  const security = new MessageWriter();
  for (const [name, def] of Object.entries((doc['securityDefinitions'] as Record<string, Json> | undefined) ?? {})) {
    const apiKey = new MessageWriter()
      .string(1, def['type'] as string)
      .string(2, def['name'] as string)
      .string(3, def['in'] as string)
      .string(4, def['description'] as string | undefined);
    security.message(1, new MessageWriter().string(1, name).message(2, new MessageWriter().message(2, apiKey)));
  }
  return w.message(13, security).toBytes();
}

let last: { doc: object; bytes: Uint8Array } | undefined;

/** The protobuf form of openApiV2Document(resources); shared, do not mutate. */
export function openApiV2Protobuf(resources: ApiResource[], custom?: CustomDefinitions): Uint8Array {
  const doc = openApiV2Document(resources, custom);
  if (last?.doc !== doc) last = { doc, bytes: encodeDocument(doc as Json) };
  return last.bytes;
}
