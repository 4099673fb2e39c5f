/**
 * The ApiClient that kubectl, the grader and the UI use inside the worker: the API server behind
 * a promise, with every answer copied so a client can never touch stored state.
 */
import type { ApiClient, ApiRequest, ApiResource, ApiResponse, ExecResult, ExecStreams, VersionInfo, WatchEvent, WatchHandle } from '../api/client.ts';
import type { ApiServer } from '../api/api-server.ts';
import { serverVersionInfo } from '../api/server-version.ts';
import { deepCopy } from '../store/deep-copy.ts';

export type ExecTarget = Parameters<ApiClient['exec']>[0];
export type ExecHandler = (target: ExecTarget, streams: ExecStreams) => Promise<ApiResponse<ExecResult>>;

export class InProcessApiClient implements ApiClient {
  readonly #server: ApiServer;
  readonly #exec: ExecHandler;

  constructor(server: ApiServer, exec: ExecHandler) {
    this.#server = server;
    this.#exec = exec;
  }

  request<T>(req: ApiRequest): Promise<ApiResponse<T>> {
    try {
      return Promise.resolve(deepCopy(this.#server.handle(deepCopy(req))) as ApiResponse<T>);
    } catch (error) {
      // A bug in the engine must surface as a server error, never take the worker down.
      const message = error instanceof Error ? error.message : String(error);
      return Promise.resolve({
        ok: false,
        code: 500,
        body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `Internal error occurred: ${message}`, reason: 'InternalError', code: 500 },
      });
    }
  }

  watch(req: ApiRequest, onEvent: (event: WatchEvent) => void): WatchHandle {
    return this.#server.watch(deepCopy(req), onEvent);
  }

  discover(): Promise<ApiResource[]> {
    return Promise.resolve(this.#server.discovery());
  }

  exec(target: ExecTarget, streams: ExecStreams): Promise<ApiResponse<ExecResult>> {
    return this.#exec(target, streams);
  }

  serverVersion(): Promise<ApiResponse<VersionInfo>> {
    return Promise.resolve({ ok: true, code: 200, body: serverVersionInfo() });
  }
}
