/**
 * ApiRequest → REST call, as client-go's rest.Request builds it: the resource path, the verb's
 * method, its query parameters and body (DeleteOptions for deletes), and the Accept header that
 * asks for a Table.
 */
import type { ApiRequest, RequestQuery } from '../../engine/api/client.ts';
import type { RestCall } from './rest-transport.ts';
import { stringifyJson } from '../../lib/deep-json/deep-json.ts';

/** What kubectl get sends to receive server-side printing (cmd/get/get.go, v1 then plain JSON). */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

/** `/api/v1/namespaces/ns/pods/name/log`, `/apis/apps/v1/deployments`: one resource's URL path. */
export function resourcePath(req: Pick<ApiRequest, 'group' | 'version' | 'resource' | 'namespace' | 'name' | 'subresource'>, collection = false): string {
  const parts = [req.group ? `/apis/${req.group}/${req.version}` : `/api/${req.version}`];
  // A namespace object is addressed by name, not inside itself.
  if (req.namespace && !(req.resource === 'namespaces' && !req.group)) parts.push('namespaces', encodeURIComponent(req.namespace));
  parts.push(req.resource);
  if (!collection && req.name !== undefined) {
    parts.push(encodeURIComponent(req.name));
    if (req.subresource) parts.push(req.subresource);
  }
  return parts.join('/');
}

const LOG_PARAMS = ['container', 'previous', 'tailLines', 'timestamps', 'sinceSeconds', 'sinceTime', 'limitBytes'] as const;

/** Sorted by key, as Go's url.Values.Encode writes a query. */
function queryString(params: [string, string | number | boolean | undefined][]): string {
  const search = new URLSearchParams();
  for (const [key, value] of [...params].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) if (value !== undefined) search.append(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The DeleteOptions body client-go sends with every DELETE. */
function deleteOptions(query: RequestQuery | undefined): string {
  return JSON.stringify({
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    ...(query?.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: query.gracePeriodSeconds } : {}),
    ...(query?.propagationPolicy ? { propagationPolicy: query.propagationPolicy } : {}),
    ...(query?.dryRun ? { dryRun: [query.dryRun] } : {}),
  });
}

export function restCall(req: ApiRequest): RestCall {
  const q = req.query ?? {};
  const accept = q.as === 'Table' ? TABLE_ACCEPT : undefined;
  const withAccept = (call: RestCall): RestCall => (accept ? { ...call, accept } : call);
  const write: [string, string | boolean | undefined][] = [
    ['dryRun', q.dryRun],
    ['fieldManager', q.fieldManager],
    ['fieldValidation', q.fieldValidation],
  ];
  const body = req.body === undefined ? undefined : stringifyJson(req.body);
  switch (req.verb) {
    case 'get': {
      const params: [string, string | number | boolean | undefined][] = [
        ['resourceVersion', q.resourceVersion],
        ['includeObject', q.includeObject],
      ];
      if (req.subresource === 'log') for (const key of LOG_PARAMS) params.push([key, q[key]]);
      return withAccept({ method: 'GET', path: resourcePath(req) + queryString(params) });
    }
    case 'list':
    case 'watch':
      return withAccept({
        method: 'GET',
        path:
          resourcePath(req, true) +
          queryString([
            ['labelSelector', q.labelSelector],
            ['fieldSelector', req.verb === 'watch' && req.name !== undefined ? [`metadata.name=${req.name}`, q.fieldSelector].filter(Boolean).join(',') : q.fieldSelector],
            ['resourceVersion', q.resourceVersion],
            ['includeObject', q.includeObject],
            ['limit', q.limit || undefined],
            ['continue', q.continue || undefined],
            ['watch', req.verb === 'watch' ? 'true' : undefined],
          ]),
      });
    case 'create':
      return withAccept({ method: 'POST', path: resourcePath(req, !req.subresource) + queryString(write), ...(body !== undefined ? { body } : {}) });
    case 'update':
      return withAccept({ method: 'PUT', path: resourcePath(req) + queryString(write), ...(body !== undefined ? { body } : {}) });
    case 'patch':
      return withAccept({
        method: 'PATCH',
        path: resourcePath(req) + queryString([...write, ['force', q.force]]),
        contentType: req.patchType ?? 'application/strategic-merge-patch+json',
        ...(body !== undefined ? { body } : {}),
      });
    case 'delete':
      return { method: 'DELETE', path: resourcePath(req), body: deleteOptions(q) };
    case 'deletecollection':
      return {
        method: 'DELETE',
        path:
          resourcePath(req, true) +
          queryString([
            ['labelSelector', q.labelSelector],
            ['fieldSelector', q.fieldSelector],
          ]),
        body: deleteOptions(q),
      };
  }
}
