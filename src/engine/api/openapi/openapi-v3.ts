/**
 * `/openapi/v3` and `/openapi/v3/<group-version>`: kubectl explain prints from these, apply reads
 * patch strategies from them, and the query-param verifier looks for `fieldValidation` on their
 * PATCH operations to decide on server-side validation.
 */
import type { ApiResource } from '../client.ts';
import { KUBERNETES_VERSION } from '../../cluster-topology.ts';
import { contentHash } from './content-hash.ts';
import { type CustomDefinitions, definitionOf, NO_CUSTOM_DEFINITIONS, SECURITY_DEFINITIONS, reachableDefinitions, type Schema } from './openapi-data.ts';
import { referencedDefinitions } from './openapi-v2.ts';
import { splitParameters } from './path-parameters.ts';
import type { Operation, PathItem, Response } from './operation.ts';
import { COMPONENT_PREFIX, v3Schema } from './schema-v3.ts';
import { groupVersionPaths, servedGroupVersions } from './served-paths.ts';

const RESPONSE_TEXT: Record<Response['code'], string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '401': 'Unauthorized' };

function v3Parameter(p: Schema): Schema {
  const { type, uniqueItems, description, name, required } = p;
  return { name, in: p['in'], description, ...(required ? { required } : {}), schema: { type, uniqueItems } };
}

function content(types: string[], schema: Schema): Schema {
  return Object.fromEntries(types.map((t) => [t, { schema }]));
}

function v3Operation(op: Operation, parameters: Schema[]): Schema {
  const bodyParam = parameters.find((p) => p['in'] === 'body');
  const query = parameters.filter((p) => p['in'] !== 'body').map(v3Parameter);
  const responses: Schema = {};
  for (const r of op.responses) {
    const schema = r.definition ? { $ref: `${COMPONENT_PREFIX}${r.definition}` } : r.isString ? { type: 'string' } : undefined;
    responses[r.code] = { description: RESPONSE_TEXT[r.code], ...(schema ? { content: content(op.produces, schema) } : {}) };
  }
  const bodyRef = (bodyParam?.['schema'] as Schema | undefined)?.['$ref'];
  return {
    tags: [op.tag],
    description: op.description,
    operationId: op.operationId,
    ...(query.length > 0 ? { parameters: query } : {}),
    ...(typeof bodyRef === 'string' ? { requestBody: { content: content(op.consumes, { $ref: `${COMPONENT_PREFIX}${bodyRef.slice(bodyRef.lastIndexOf('/') + 1)}` }) } } : {}),
    responses,
    ...(op.action ? { 'x-kubernetes-action': op.action } : {}),
    ...(op.gvk ? { 'x-kubernetes-group-version-kind': op.gvk } : {}),
  };
}

function v3PathItem(item: PathItem): Schema {
  const { shared, own } = splitParameters(item);
  const out: Schema = {};
  item.operations.forEach((op, i) => {
    out[op.method] = v3Operation(op, own[i] ?? []);
  });
  if (shared.length > 0) out['parameters'] = shared.map(v3Parameter);
  return out;
}

function buildDocument(resources: readonly ApiResource[], custom: CustomDefinitions): object {
  const items = groupVersionPaths(resources, custom);
  const paths = Object.fromEntries(items.map((item) => [item.path, v3PathItem(item)]));
  const names = [...reachableDefinitions(referencedDefinitions(paths), custom)].sort();
  const bearer = SECURITY_DEFINITIONS['BearerToken'] ?? {};
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths,
    components: {
      schemas: Object.fromEntries(names.map((n) => [n, v3Schema(n, definitionOf(n, custom)!)])),
      securitySchemes: { BearerToken: { type: bearer['type'], description: bearer['description'], name: bearer['name'], in: bearer['in'] } },
    },
  };
}

interface Built {
  documents: Map<string, object>;
  root: { paths: Record<string, { serverRelativeURL: string }> };
}

let last: { key: string; built: Built } | undefined;

/** Builds every group-version document once per distinct resource list. */
function build(resources: readonly ApiResource[], custom: CustomDefinitions): Built {
  const key = JSON.stringify([resources, custom]);
  if (last?.key === key) return last.built;
  const documents = new Map<string, object>();
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [gv, gvResources] of servedGroupVersions(resources)) {
    const doc = buildDocument(gvResources, custom);
    documents.set(gv, doc);
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${contentHash(JSON.stringify(doc))}` };
  }
  last = { key, built: { documents, root: { paths } } };
  return last.built;
}

/** `/openapi/v3`: one entry per served group-version. The result is shared: do not mutate it. */
export function openApiV3Root(resources: ApiResource[], custom: CustomDefinitions = NO_CUSTOM_DEFINITIONS): { paths: Record<string, { serverRelativeURL: string }> } {
  return build(resources, custom).root;
}

/** `/openapi/v3/api/v1`, `/openapi/v3/apis/apps/v1`; undefined for a group-version not served. */
export function openApiV3Document(groupVersionPath: string, resources: ApiResource[], custom: CustomDefinitions = NO_CUSTOM_DEFINITIONS): object | undefined {
  return build(resources, custom).documents.get(groupVersionPath);
}
