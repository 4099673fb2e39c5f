/**
 * `/openapi/v2`: the swagger 2.0 document of every served resource. kubectl reads it for
 * client-side validation and, where the v3 documents are missing, for explain and apply.
 */
import type { ApiResource } from '../client.ts';
import { KUBERNETES_VERSION } from '../../cluster-topology.ts';
import { type CustomDefinitions, DEFINITION_PREFIX, definitionOf, NO_CUSTOM_DEFINITIONS, SECURITY_DEFINITIONS, reachableDefinitions, type Schema } from './openapi-data.ts';
import { splitParameters } from './path-parameters.ts';
import type { Operation, PathItem, Response } from './operation.ts';
import { groupVersionPaths, servedGroupVersions } from './served-paths.ts';

const RESPONSE_TEXT: Record<Response['code'], string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '401': 'Unauthorized' };

function v2Responses(responses: Response[]): Schema {
  const out: Schema = {};
  for (const r of responses) {
    const schema = r.definition ? { $ref: `${DEFINITION_PREFIX}${r.definition}` } : r.isString ? { type: 'string' } : undefined;
    out[r.code] = { description: RESPONSE_TEXT[r.code], ...(schema ? { schema } : {}) };
  }
  return out;
}

function v2Operation(op: Operation, parameters: Schema[]): Schema {
  return {
    consumes: op.consumes,
    description: op.description,
    operationId: op.operationId,
    ...(parameters.length > 0 ? { parameters } : {}),
    produces: op.produces,
    responses: v2Responses(op.responses),
    schemes: ['https'],
    tags: [op.tag],
    ...(op.action ? { 'x-kubernetes-action': op.action } : {}),
    ...(op.gvk ? { 'x-kubernetes-group-version-kind': op.gvk } : {}),
  };
}

export function v2PathItem(item: PathItem): Schema {
  const { shared, own } = splitParameters(item);
  const out: Schema = {};
  item.operations.forEach((op, i) => {
    out[op.method] = v2Operation(op, own[i] ?? []);
  });
  if (shared.length > 0) out['parameters'] = shared;
  return out;
}

/** Definition names `$ref`'d anywhere in a JSON value. */
export function referencedDefinitions(value: unknown): string[] {
  const names: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string') names.push(x.slice(x.lastIndexOf('/') + 1));
        else visit(x);
      }
    }
  };
  visit(value);
  return names;
}

function sortedObject<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

let last: { key: string; doc: object } | undefined;

/** Built once per distinct resource list; the result is shared: do not mutate it. */
export function openApiV2Document(resources: ApiResource[], custom: CustomDefinitions = NO_CUSTOM_DEFINITIONS): object {
  const key = JSON.stringify([resources, custom]);
  if (last?.key === key) return last.doc;
  const paths: [string, Schema][] = [];
  for (const gvResources of servedGroupVersions(resources).values()) {
    for (const item of groupVersionPaths(gvResources, custom)) paths.push([item.path, v2PathItem(item)]);
  }
  const definitions = [...reachableDefinitions(referencedDefinitions(paths), custom)].map((n): [string, Schema] => [n, definitionOf(n, custom)!]);
  const doc = {
    definitions: sortedObject(definitions),
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths: sortedObject(paths),
    security: [{ BearerToken: [] }],
    securityDefinitions: SECURITY_DEFINITIONS,
    swagger: '2.0',
  };
  last = { key, doc };
  return doc;
}
