/**
 * The ApiClient that kubectl, the grader and the UI use inside the worker: the API server behind
 * a promise. Requests are copied (the server may keep parts of a body); answers share the store's
 * objects, which are frozen, so a client can never touch stored state: one that wants to change
 * an answer copies it first.
 */
import type { ApiClient, ApiRequest, ApiResource, ApiResponse, RawRequest, RawResponse, VersionInfo, WatchEvent, WatchHandle } from '../api/client.ts';
import { answerRaw, type OpenApiText } from '../api/endpoints/raw-request.ts';
import type { ApiServer } from '../api/api-server.ts';
import { serverVersionInfo } from '../api/server-version.ts';
import { deepCopy } from '../store/deep-copy.ts';
import { reportInternalFault, SERVER_PANIC_MESSAGE } from '../../lib/internal-fault/internal-fault.ts';
import { loadOpenApi } from '../api/openapi/load-openapi.ts';

/** Serves the streaming subresources (pods/exec, attach, portforward): the kubelet's side of them. */
export type StreamHandler = (req: ApiRequest) => Promise<ApiResponse<unknown>>;

const STREAMING = new Set(['exec', 'attach', 'portforward']);

export class InProcessApiClient implements ApiClient {
  readonly #server: ApiServer;
  readonly #stream: StreamHandler;

  constructor(server: ApiServer, stream: StreamHandler) {
    this.#server = server;
    this.#stream = stream;
  }

  request<T>(req: ApiRequest): Promise<ApiResponse<T>> {
    const { streams, ...plain } = req;
    try {
      if (req.resource === 'pods' && req.subresource && STREAMING.has(req.subresource)) {
        // The streams are the client's own callbacks: handed over as they are, never copied.
        return this.#stream({ ...deepCopy(plain), ...(streams ? { streams } : {}) }).catch((error: unknown) => internalFailure(plain, error)) as Promise<ApiResponse<T>>;
      }
      return Promise.resolve(this.#server.handle(deepCopy(plain)) as ApiResponse<T>);
    } catch (error) {
      return Promise.resolve(internalFailure(plain, error) as ApiResponse<T>);
    }
  }

  watch(req: ApiRequest, onEvent: (event: WatchEvent) => void): WatchHandle {
    return this.#server.watch(deepCopy(req), onEvent);
  }

  discover(): Promise<ApiResource[]> {
    return Promise.resolve(this.#server.discovery());
  }

  serverVersion(): Promise<ApiResponse<VersionInfo>> {
    return Promise.resolve({ ok: true, code: 200, body: serverVersionInfo() });
  }

  raw(req: RawRequest): Promise<RawResponse> {
    return answerRaw(this, openApiText(this.#server), req);
  }

  async openApiV3(groupVersionPath: string): Promise<ApiResponse<Record<string, unknown>>> {
    const { openApiV3Document } = await loadOpenApi();
    const doc = openApiV3Document(groupVersionPath, this.#server.discovery(), this.#server.openApiDefinitions()) as Record<string, unknown> | undefined;
    if (doc) return { ok: true, code: 200, body: doc };
    return {
      ok: false,
      code: 404,
      body: { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 },
    };
  }
}

/** The documents of `/openapi/v2` and `/openapi/v3[/…]`, read from their lazily loaded chunk. */
function openApiText(server: ApiServer): OpenApiText {
  return async (route, resources) => {
    const openApi = await loadOpenApi();
    const custom = server.openApiDefinitions();
    if (route.kind === 'openapi-v2') return JSON.stringify(openApi.openApiV2Document(resources, custom));
    if (route.kind === 'openapi-v3-root') return JSON.stringify(openApi.openApiV3Root(resources, custom));
    const document = openApi.openApiV3Document(route.groupVersionPath, resources, custom);
    return document === undefined ? undefined : JSON.stringify(document);
  };
}

/** The HTTP method of each verb, lower-cased as client-go names it in an error. */
const METHOD_OF: Record<ApiRequest['verb'], string> = {
  get: 'get',
  list: 'get',
  watch: 'get',
  create: 'post',
  update: 'put',
  patch: 'patch',
  delete: 'delete',
  deletecollection: 'delete',
};

/**
 * A bug in the engine must surface as a server error, never take the worker down: the answer of
 * an API server that recovered from a panic (a plain-text 500, logged, never shown), as client-go
 * reports it (NewGenericServerResponse: the message, then `(post pods name)`).
 */
function internalFailure(req: ApiRequest, error: unknown): ApiResponse<never> {
  reportInternalFault('the API server', error);
  const resource = req.group ? `${req.resource}.${req.group}` : req.resource;
  const message = `${SERVER_PANIC_MESSAGE} (${[METHOD_OF[req.verb], resource, ...(req.name ? [req.name] : [])].join(' ')})`;
  return {
    ok: false,
    code: 500,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 },
  };
}
