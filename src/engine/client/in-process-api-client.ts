/**
 * The ApiClient that kubectl, the grader and the UI use inside the worker: the API server behind
 * a promise, with every answer copied so a client can never touch stored state.
 */
import type { ApiClient, ApiRequest, ApiResource, ApiResponse, VersionInfo, WatchEvent, WatchHandle } from '../api/client.ts';
import type { ApiServer } from '../api/api-server.ts';
import { serverVersionInfo } from '../api/server-version.ts';
import { deepCopy } from '../store/deep-copy.ts';

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
        return this.#stream({ ...deepCopy(plain), ...(streams ? { streams } : {}) }).catch(internalFailure) as Promise<ApiResponse<T>>;
      }
      return Promise.resolve(deepCopy(this.#server.handle(deepCopy(plain))) as ApiResponse<T>);
    } catch (error) {
      return Promise.resolve(internalFailure(error) as ApiResponse<T>);
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
}

/** A bug in the engine must surface as a server error, never take the worker down. */
function internalFailure(error: unknown): ApiResponse<never> {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    code: 500,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `Internal error occurred: ${message}`, reason: 'InternalError', code: 500 },
  };
}
