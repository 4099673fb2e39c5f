/**
 * The ApiClient over the Kubernetes REST API: what lets our kubectl drive any API server
 * (`cka-lab serve` or a real cluster) through the same door the lab uses in process.
 */
import type {
  ApiClient,
  ApiRequest,
  ApiResource,
  ApiResponse,
  KubeObject,
  RawRequest,
  RawResponse,
  RawStream,
  Status,
  Table,
  VersionInfo,
  WatchEvent,
  WatchHandle,
} from '../../engine/api/client.ts';
import { ApiConnectionError } from './connection-error.ts';
import { formatStatus } from '../../kubectl/errors.ts';
import { apiResources, groupVersions, type ApiGroupList, type ApiResourceList, type ApiVersions } from './discovery.ts';
import { execOverWebSocket } from './exec-websocket.ts';
import { portForwardOverWebSocket } from './port-forward-websocket.ts';
import type { RestConfig } from './kubeconfig.ts';
import { restCall } from './request-path.ts';
import { RestTransport } from './rest-transport.ts';
import { toApiResponse } from './server-response.ts';

export class HttpApiClient implements ApiClient {
  readonly #config: RestConfig | (() => RestConfig);
  #transportOnce: RestTransport | undefined;
  #discovery: Promise<ApiResource[]> | undefined;

  /**
   * A function is called at the first request, as kubectl reads its kubeconfig only when it needs
   * the server: `version --client` works whatever the kubeconfig says. It may throw KubeconfigError.
   */
  constructor(config: RestConfig | (() => RestConfig)) {
    this.#config = config;
  }

  get #transport(): RestTransport {
    this.#transportOnce ??= new RestTransport(typeof this.#config === 'function' ? this.#config() : this.#config);
    return this.#transportOnce;
  }

  async request<T = KubeObject>(req: ApiRequest): Promise<ApiResponse<T>> {
    if (req.resource === 'pods' && (req.subresource === 'exec' || req.subresource === 'attach')) return execOverWebSocket(this.#transport, req) as Promise<ApiResponse<T>>;
    if (req.resource === 'pods' && req.subresource === 'portforward') return portForwardOverWebSocket(this.#transport, req) as Promise<ApiResponse<T>>;
    const call = restCall(req);
    const res = toApiResponse<T>(await this.#transport.send(call), call, req);
    // The server always sends every column; `-o wide` is what shows the priority>0 ones.
    if (res.ok && req.query?.as === 'Table' && req.query.includeWideColumns === false) return { ...res, body: narrowTable(res.body as unknown as Table) as T };
    return res;
  }

  watch(req: ApiRequest, onEvent: (event: WatchEvent) => void): WatchHandle {
    let failed: number | undefined;
    let failureText = '';
    let transport;
    try {
      transport = this.#transport;
    } catch (error) {
      if (!(error instanceof ApiConnectionError)) throw error;
      onEvent({ type: 'ERROR', object: statusObject(0, error.message) });
      return { stop: () => undefined };
    }
    const narrows = req.query?.as === 'Table' && req.query.includeWideColumns === false;
    const stop = transport.stream(restCall({ ...req, verb: 'watch' }), {
      onStart(status) {
        if (status < 200 || status >= 300) failed = status;
      },
      onLine(line) {
        if (failed !== undefined) {
          failureText += `${line}\n`;
          return;
        }
        let event: WatchEvent;
        try {
          event = JSON.parse(line) as WatchEvent;
        } catch {
          onEvent({ type: 'ERROR', object: statusObject(500, `unable to decode an event from the watch stream: ${line}`) });
          return;
        }
        // A Table in an event holds every column too: dropped as for a list unless -o wide.
        if (narrows && event.object?.kind === 'Table') event = { ...event, object: narrowTable(event.object as unknown as Table) as unknown as KubeObject };
        onEvent(event);
      },
      onEnd(error) {
        if (error) onEvent({ type: 'ERROR', object: statusObject(0, error.message) });
        else if (failed !== undefined) {
          const answer = { status: failed, headers: { 'content-type': 'application/json' }, rawHeaders: [], text: failureText };
          const res = toApiResponse<KubeObject>(answer, restCall(req), req);
          onEvent({ type: 'ERROR', object: (res.ok ? statusObject(failed, failureText) : res.body) as unknown as KubeObject });
        }
      },
    });
    return { stop };
  }

  /** Read once per client: kubectl runs one command per process, as its disk cache would serve it. */
  discover(): Promise<ApiResource[]> {
    this.#discovery ??= this.#readDiscovery();
    return this.#discovery;
  }

  async openApiV3(groupVersionPath: string): Promise<ApiResponse<Record<string, unknown>>> {
    const call = { method: 'GET' as const, path: `/openapi/v3/${groupVersionPath}` };
    return toApiResponse<Record<string, unknown>>(await this.#transport.send(call), call);
  }

  /** rest.Request with AbsPath: the body goes without a Content-Type, the answer comes back as written. */
  async raw(req: RawRequest): Promise<RawResponse> {
    if (req.stream && req.method === 'GET' && isWatchPath(req.path)) return this.#rawStream(req.path, req.stream);
    const answer = await this.#transport.send({ method: req.method, path: req.path, ...(req.body !== undefined ? { body: req.body } : {}) });
    return { code: answer.status, body: answer.text };
  }

  /** A watch's lines copied as they come; a failure's body is kept whole as the answer. */
  #rawStream(path: string, stream: RawStream): Promise<RawResponse> {
    return new Promise((resolve) => {
      let code = 0;
      let failureText = '';
      let ended = false;
      const end = (answer: RawResponse) => {
        if (ended) return;
        ended = true;
        stop();
        resolve(answer);
      };
      const stop = this.#transport.stream(
        { method: 'GET', path },
        {
          onStart(status) {
            code = status;
            if (status >= 200 && status < 300) void stream.until().then(() => end({ code, body: '' }));
          },
          onLine(line) {
            if (code >= 200 && code < 300) stream.write(`${line}\n`);
            else failureText += `${line}\n`;
          },
          onEnd(error) {
            if (error) end({ code: 0, body: error.message });
            else end({ code, body: code >= 200 && code < 300 ? '' : failureText.replace(/\n$/, '') });
          },
        },
      );
    });
  }

  async serverVersion(): Promise<ApiResponse<VersionInfo>> {
    const call = { method: 'GET' as const, path: '/version' };
    return toApiResponse<VersionInfo>(await this.#transport.send(call), call);
  }

  async #readDiscovery(): Promise<ApiResource[]> {
    const core = await this.#getDiscovery<ApiVersions>('/api');
    const groups = await this.#getDiscovery<ApiGroupList>('/apis');
    const lists = await Promise.all(
      groupVersions(core, groups).map(async ([group, version]) => {
        const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
        const call = { method: 'GET' as const, path };
        const res = toApiResponse<ApiResourceList>(await this.#transport.send(call), call);
        // An unavailable aggregated API leaves its resources out; kubectl goes on without them.
        return res.ok ? apiResources(group, version, res.body) : [];
      }),
    );
    return lists.flat();
  }

  async #getDiscovery<T>(path: string): Promise<T> {
    const call = { method: 'GET' as const, path };
    const res = toApiResponse<T>(await this.#transport.send(call), call);
    if (res.ok) return res.body;
    // Without the group list kubectl cannot map any type: it stops with the server's answer.
    throw new ApiConnectionError(formatStatus(res.body));
  }
}

function narrowTable(table: Table): Table {
  if (!Array.isArray(table.columnDefinitions)) return table;
  const keep = table.columnDefinitions.map((c) => (c.priority ?? 0) === 0);
  return {
    ...table,
    columnDefinitions: table.columnDefinitions.filter((_, i) => keep[i]),
    rows: (table.rows ?? []).map((row) => ({ ...row, cells: row.cells.filter((_, i) => keep[i]) })),
  };
}

function statusObject(code: number, message: string): KubeObject {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: code >= 500 ? 'InternalError' : '', code };
  return status as unknown as KubeObject;
}

/** A watch over HTTP: a `/watch/` path or a true `watch` query parameter, as the server reads them. */
function isWatchPath(path: string): boolean {
  const [route = '', query = ''] = path.split('?', 2);
  return /^\/apis?\/(?:[^/]+\/)?[^/]+\/watch(?:\/|$)/.test(route) || /(?:^|&)watch=(?:true|1)(?:&|$)/.test(query);
}
