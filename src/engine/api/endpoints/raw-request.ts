/**
 * A request to a path answered as the served API server answers it over HTTP, for clients that
 * hold the engine in process: the route, the REST verb the method and query mean, and the body the
 * server would write (JSON, or text for a log). A watch streams its events to the request's
 * `stream` as `cka-lab serve` writes them, or without one answers its current objects as ADDED
 * events and ends; a followed log answers its text so far (issue 13).
 */
import type { ApiClient, ApiResource, RawRequest, RawResponse, RawStream, Status, WatchEvent } from '../client.ts';
import { stringifyJson } from '../../../lib/deep-json/deep-json.ts';
import { utf8Bytes } from '../../../lib/base64.ts';
import { apiGroupList, apiResourceList, apiVersions } from './discovery-documents.ts';
import { routeOf, type Route } from './request-route.ts';
import { resourceAction, type ResourceAction } from './resource-request.ts';
import { renderBody, watchEventLine } from './response-rendering.ts';
import { badRequest } from '../status.ts';
import { pathNotFound } from './serve-status.ts';

/** The OpenAPI document of an `/openapi/…` route as JSON text, or undefined where none is served. */
export type OpenApiText = (route: Extract<Route, { kind: 'openapi-v2' | 'openapi-v3-root' | 'openapi-v3' }>, resources: ApiResource[]) => Promise<string | undefined>;

const json = (code: number, body: unknown): RawResponse => ({ code, body: stringifyJson(body) });
const failure = (status: Status): RawResponse => json(status.code, status);

export async function answerRaw(api: ApiClient, openApi: OpenApiText, req: RawRequest): Promise<RawResponse> {
  const url = splitPath(req.path);
  const resources = await api.discover();
  const route = routeOf(url.path, resources);
  switch (route.kind) {
    case 'version': {
      const version = await api.serverVersion();
      return version.ok ? json(200, version.body) : failure(version.body);
    }
    case 'health':
      return { code: 200, body: 'ok' };
    case 'api-versions':
      return json(200, apiVersions());
    case 'api-groups':
      return json(200, apiGroupList(resources));
    case 'api-resources':
      return json(200, apiResourceList(resources, route.group, route.version));
    case 'openapi-v2':
    case 'openapi-v3-root':
    case 'openapi-v3': {
      const text = await openApi(route, resources);
      return text === undefined ? failure(pathNotFound()) : { code: 200, body: text };
    }
    case 'clock':
    case 'lab':
    case 'not-found':
      return failure(pathNotFound());
    case 'resource':
      break;
  }
  const action = resourceAction(route.path, {
    method: req.method,
    query: url.query,
    // kubectl's RESTClient labels every body with its own content type, whatever the file holds.
    ...(req.body !== undefined ? { contentType: 'application/json' } : {}),
    ...(req.userAgent ? { userAgent: req.userAgent } : {}),
    body: new Uint8Array(utf8Bytes(req.body ?? '')),
  });
  switch (action.kind) {
    case 'error':
      return failure(action.status);
    case 'exec':
    case 'attach':
    case 'portforward':
      return failure(badRequest('Upgrade request required'));
    case 'log': {
      const response = await api.request<string>(action.request);
      return response.ok ? { code: 200, body: response.body } : failure(response.body);
    }
    case 'watch': {
      const { as: _table, ...query } = action.request.query ?? {};
      const listed = await api.request<{ items: WatchEvent['object'][]; metadata: { resourceVersion?: string } }>({ ...action.request, verb: 'list', query });
      if (!listed.ok) return failure(listed.body);
      if (req.stream) return streamWatch(api, action, resources, listed.body.metadata.resourceVersion, req.stream);
      return { code: 200, body: listed.body.items.map((object) => watchEventLine({ type: 'ADDED', object }, action.rendering)).join('') };
    }
    case 'request': {
      const response = await api.request(action.request);
      if (!response.ok) return failure(response.body);
      const rendered = renderBody(response.body, action.rendering, action.page);
      return 'status' in rendered ? failure(rendered.status) : json(response.code, rendered.body);
    }
  }
}

/**
 * The events of a watch until the client stops reading, each line as the served API writes it:
 * the initial-events-end bookmark after the current objects when a WatchList asks for it.
 */
async function streamWatch(
  api: ApiClient,
  action: Extract<ResourceAction, { kind: 'watch' }>,
  resources: ApiResource[],
  listedVersion: string | undefined,
  stream: RawStream,
): Promise<RawResponse> {
  const handle = api.watch(action.request, (event) => stream.write(watchEventLine(event, action.rendering)));
  if (action.sendInitialEvents && action.allowWatchBookmarks && listedVersion !== undefined) {
    const { group, version, resource } = action.request;
    const kind = resources.find((r) => r.group === group && r.version === version && r.name === resource)?.kind ?? '';
    const object = {
      kind,
      apiVersion: group ? `${group}/${version}` : version,
      metadata: { resourceVersion: listedVersion, annotations: { 'k8s.io/initial-events-end': 'true' } },
    };
    stream.write(watchEventLine({ type: 'BOOKMARK', object }, action.rendering));
  }
  try {
    await stream.until();
  } finally {
    handle.stop();
  }
  return { code: 200, body: '' };
}

/** The path and its query parameters, as URL would split them. */
function splitPath(path: string): { path: string; query: { get(name: string): string | null; getAll(name: string): string[] } } {
  const at = path.indexOf('?');
  const pairs = (at < 0 ? '' : path.slice(at + 1))
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const decode = (text: string) => {
        try {
          return decodeURIComponent(text.replace(/\+/g, ' '));
        } catch {
          return text;
        }
      };
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
  return {
    path: at < 0 ? path : path.slice(0, at),
    query: {
      get: (name) => pairs.find(([key]) => key === name)?.[1] ?? null,
      getAll: (name) => pairs.filter(([key]) => key === name).map(([, value]) => value!),
    },
  };
}
