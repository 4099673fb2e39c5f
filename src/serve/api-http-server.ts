/**
 * The node `http` binding of the served cluster: reads a request, asks the pure routing and
 * negotiation functions what it means, calls the ApiClient, and writes the answer — JSON, a
 * chunked watch or log stream, or a WebSocket for exec.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ApiClient, ApiResource, KubeList, Status, WatchEvent } from '../engine/api/client.ts';
import type { ScriptGrader } from '../session/headless-player.ts';
import { badRequest } from '../engine/api/status.ts';
import { stringifyJson } from '../lib/deep-json/deep-json.ts';
import type { ClockDriver } from './clock-driver.ts';
import { clockCommand } from './clock-command.ts';
import { labCommand } from './lab-command.ts';
import { aggregatedDiscoveryContentType, discoveryRendering } from '../engine/api/endpoints/content-negotiation.ts';
import { apiGroupDiscoveryList, apiGroupList, apiResourceList, apiVersions } from '../engine/api/endpoints/discovery-documents.ts';
import { runAttachSession } from './attach-session.ts';
import { CHANNEL_PORT_FORWARD_PROTOCOL, PORT_FORWARD_PROTOCOL, runChannelPortForwardSession, runPortForwardSession } from './port-forward-session.ts';
import { runExecSession, streamPreflight, type Refusal } from './exec-session.ts';
import { followLog } from './log-follow.ts';
import { openApiAnswer } from './openapi-answer.ts';
import type { CustomDefinitions } from '../engine/api/openapi/index.ts';
import { chooseSubprotocol } from './remote-command-frames.ts';
import { routeOf, type Route } from '../engine/api/endpoints/request-route.ts';
import { renderBody, watchEventLine } from '../engine/api/endpoints/response-rendering.ts';
import { resourceAction, type ResourceAction } from '../engine/api/endpoints/resource-request.ts';
import { internalError, messageOf, notAcceptable, pathNotFound } from '../engine/api/endpoints/serve-status.ts';

const API_SERVER_IDLE_TIMEOUT_MS = 90_000;
export interface ApiHttpServerOptions {
  api: ApiClient;
  clock: ClockDriver;
  /** The served lab's grader, for `/.cka-lab/lab`. */
  grader?: ScriptGrader;
  /** Called with `METHOD URL content-type` for every request (`cka-lab serve --log-requests`). */
  logRequest?: (line: string) => void;
  /** The OpenAPI definitions of the custom resources served now (published beside the generated ones). */
  openApiDefinitions?: () => CustomDefinitions;
  /** Real-time interval at which a followed log is read again. */
  logPollMs?: number;
}

const MUTATING = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

export interface ApiHttpServer {
  server: Server;
  /** Ends every exec and attach stream: upgraded sockets would otherwise hold `server.close` open. */
  endStreams(): void;
}

export async function createApiHttpServer(options: ApiHttpServerOptions): Promise<ApiHttpServer> {
  // Discovery is read per request: a CustomResourceDefinition adds resources while the server runs.
  const resources = () => options.api.discover();
  const sockets = new WebSocketServer({ noServer: true, handleProtocols: (offered) => chooseSubprotocol(offered) ?? false });
  // `SPDY/3.1+portforward.k8s.io` is no RFC 6455 token, which ws refuses to parse: the tunnel's
  // subprotocol is taken out of the request and written into the answer here.
  const tunnels = new WebSocketServer({ noServer: true });
  tunnels.on('headers', (headers) => headers.push(`Sec-WebSocket-Protocol: ${PORT_FORWARD_PROTOCOL}`));
  const server = createServer((req, res) => {
    void Promise.all([readBody(req), resources()]).then(([body, served]) => handle(options, served, req, res, body));
  });
  // The kube-apiserver keeps an idle connection 90 s (secure_serving.go), as long as clients keep
  // theirs; Node's 5 s made a client's reused connection close under it on a busy machine.
  server.keepAliveTimeout = API_SERVER_IDLE_TIMEOUT_MS;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void resources()
      .then((served) => upgrade(options, served, { sockets, tunnels }, req, socket, head))
      .catch((error: unknown) => {
        if (!socket.destroyed) refuse(socket, { code: 500, status: internalError(messageOf(error)) });
      });
  });
  return {
    server,
    endStreams: () => {
      for (const server of [sockets, tunnels]) {
        for (const ws of server.clients) ws.terminate();
        server.close();
      }
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.alloc(0)));
  });
}

function parseUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://127.0.0.1');
}

function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json', warnings: string[] = []): void {
  const text = stringifyJson(body);
  const headers: Record<string, string | string[]> = { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)) };
  // Models staging/src/k8s.io/apiserver/pkg/warning: `299 - "<text>"` per warning.
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(text);
}

function sendStatus(res: ServerResponse, status: Status, warnings: string[] = []): void {
  sendJson(res, status.code, status, 'application/json', warnings);
}

async function handle(options: ApiHttpServerOptions, resources: ApiResource[], req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  options.logRequest?.(`${req.method} ${req.url} content-type=${req.headers['content-type'] ?? '-'} accept=${req.headers.accept ?? '-'}`);
  try {
    const url = parseUrl(req);
    await answer(options, resources, routeOf(url.pathname, resources), url, req, res, body);
  } catch (error) {
    // An engine bug must reach the client as a server error, never end the server.
    if (!res.headersSent) sendStatus(res, internalError(messageOf(error)));
    else res.end();
  }
}

async function answer(options: ApiHttpServerOptions, resources: ApiResource[], route: Route, url: URL, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  switch (route.kind) {
    case 'version': {
      const version = await options.api.serverVersion();
      return version.ok ? sendJson(res, 200, version.body) : sendStatus(res, version.body);
    }
    case 'health':
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      return void res.end('ok');
    case 'api-versions':
    case 'api-groups': {
      const rendering = discoveryRendering(req.headers.accept);
      if (rendering === 'not-acceptable') return sendStatus(res, notAcceptable());
      if (rendering === 'legacy') return sendJson(res, 200, route.kind === 'api-versions' ? apiVersions() : apiGroupList(resources));
      const scope = route.kind === 'api-versions' ? 'core' : 'named';
      return sendJson(res, 200, apiGroupDiscoveryList(resources, scope, rendering === 'aggregated-v2' ? 'v2' : 'v2beta1'), aggregatedDiscoveryContentType(rendering));
    }
    case 'api-resources':
      return sendJson(res, 200, apiResourceList(resources, route.group, route.version));
    case 'openapi-v2':
    case 'openapi-v3-root':
    case 'openapi-v3': {
      const document = openApiAnswer(route, resources, req.headers.accept, options.openApiDefinitions?.());
      if (document === undefined) return sendStatus(res, pathNotFound());
      res.writeHead(200, { 'Content-Type': document.contentType });
      res.end(document.body);
      return;
    }
    case 'clock': {
      const result = await clockCommand(options.clock, req.method ?? 'GET', body.toString('utf8'), () => options.clock.nowMs());
      return sendJson(res, result.code, result.body);
    }
    case 'lab': {
      const result = await labCommand(options.grader, req.method ?? 'GET', body.toString('utf8'));
      await options.clock.settle();
      return sendJson(res, result.code, result.body);
    }
    case 'not-found':
      return sendStatus(res, pathNotFound());
    case 'resource': {
      const action = resourceAction(route.path, {
        method: req.method ?? 'GET',
        query: url.searchParams,
        ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
        ...(req.headers.accept ? { accept: req.headers.accept } : {}),
        ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
        body,
      });
      return answerResource(options, resources, action, req, res);
    }
  }
}

async function answerResource(options: ApiHttpServerOptions, resources: ApiResource[], action: ResourceAction, req: IncomingMessage, res: ServerResponse): Promise<void> {
  switch (action.kind) {
    case 'error':
      return sendStatus(res, action.status);
    case 'exec':
    case 'attach':
    case 'portforward':
      // Only reachable without an Upgrade header: the streaming protocols all upgrade.
      return sendStatus(res, badRequest('Upgrade request required'));
    case 'request': {
      const response = await options.api.request(action.request);
      if (MUTATING.has(action.request.verb) && !action.request.query?.dryRun) await options.clock.settle();
      if (!response.ok) return sendStatus(res, response.body, response.warnings);
      const rendered = renderBody(response.body, action.rendering, action.page);
      if ('status' in rendered) return sendStatus(res, rendered.status);
      return sendJson(res, response.code, rendered.body, 'application/json', response.warnings);
    }
    case 'watch':
      return streamWatch(options, resources, action, req, res);
    case 'log':
      return streamLog(options, action, req, res);
  }
}

async function streamWatch(
  options: ApiHttpServerOptions,
  resources: ApiResource[],
  action: Extract<ResourceAction, { kind: 'watch' }>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // The list's resourceVersion is where the initial events end (WatchList, sendInitialEvents=true).
  let initialEventsEnd: string | undefined;
  if (action.sendInitialEvents) {
    const { as: _table, ...listQuery } = action.request.query ?? {};
    const listed = await options.api.request<KubeList>({ ...action.request, verb: 'list', query: listQuery });
    if (!listed.ok) return sendStatus(res, listed.body);
    initialEventsEnd = listed.body.metadata.resourceVersion;
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const write = (event: WatchEvent) => {
    if (!res.writableEnded) res.write(watchEventLine(event, action.rendering));
  };
  const handle = options.api.watch(action.request, write);
  if (initialEventsEnd !== undefined && action.allowWatchBookmarks) {
    const { group, version, resource } = action.request;
    const kind = resources.find((r) => r.group === group && r.version === version && r.name === resource)?.kind ?? '';
    const apiVersion = group ? `${group}/${version}` : version;
    // Models the watch cache's initial-events-end bookmark (storage/cacher/cache_watcher.go).
    write({ type: 'BOOKMARK', object: { kind, apiVersion, metadata: { resourceVersion: initialEventsEnd, annotations: { 'k8s.io/initial-events-end': 'true' } } } });
  }
  await new Promise<void>((resolve) => {
    const timer = action.timeoutSeconds !== undefined ? setTimeout(resolve, action.timeoutSeconds * 1000) : undefined;
    const done = () => {
      if (timer) clearTimeout(timer);
      resolve();
    };
    req.on('close', done);
    res.on('close', done);
  });
  handle.stop();
  if (!res.writableEnded) res.end();
}

async function streamLog(options: ApiHttpServerOptions, action: Extract<ResourceAction, { kind: 'log' }>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!action.follow) {
    const response = await options.api.request<string>(action.request);
    if (!response.ok) return sendStatus(res, response.body);
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(response.body)) });
    res.end(response.body);
    return;
  }
  let closed = false;
  const pollMs = options.logPollMs ?? 200;
  req.on('close', () => (closed = true));
  res.on('close', () => (closed = true));
  const failed = await followLog(options.api, action.request, {
    write: (text) => {
      if (!text) return;
      if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
      if (!res.writableEnded) res.write(text);
    },
    wait: () => new Promise((resolve) => setTimeout(resolve, pollMs)),
    get closed() {
      return closed;
    },
  });
  if (failed) return sendStatus(res, failed);
  if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  if (!res.writableEnded) res.end();
}

async function upgrade(
  options: ApiHttpServerOptions,
  resources: ApiResource[],
  { sockets, tunnels }: { sockets: WebSocketServer; tunnels: WebSocketServer },
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<void> {
  const url = parseUrl(req);
  options.logRequest?.(`${req.method} ${req.url} upgrade=${req.headers.upgrade ?? '-'} protocols=${req.headers['sec-websocket-protocol'] ?? '-'}`);
  const route = routeOf(url.pathname, resources);
  const action = route.kind === 'resource' ? resourceAction(route.path, { method: req.method ?? 'GET', query: url.searchParams, body: new Uint8Array() }) : undefined;
  if (action?.kind === 'portforward') return upgradePortForward(options, { sockets, tunnels }, action, req, socket, head);
  if (action?.kind !== 'exec' && action?.kind !== 'attach') return refuse(socket, { code: 404, status: pathNotFound() });
  const preflight = await streamPreflight(options.api, action);
  if (!preflight.ok) return refuse(socket, preflight.refusal);
  const isWebSocket = (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
  if (!isWebSocket) {
    // Legacy SPDY/3.1: not served. kubectl v1.35 tries WebSocket first and only falls back here
    // when the WebSocket upgrade was refused, which the preflight above would have explained.
    return refuse(socket, {
      code: 400,
      status: badRequest(`unable to upgrade connection: the ${req.headers.upgrade ?? ''} protocol is not served, use WebSocket (v5.channel.k8s.io)`),
    });
  }
  sockets.handleUpgrade(req, socket, head, (ws) => {
    if (action.kind === 'exec') runExecSession(ws, ws.protocol, options.api, action);
    else runAttachSession(ws, ws.protocol, options.api, action, preflight);
  });
}

/**
 * kubectl v1.35 tunnels SPDY through a WebSocket and falls back to a plain SPDY upgrade only when
 * that is refused; the tunnel is what is served, and the kubelet's own WebSocket dialect (what
 * `cka-lab kubectl` speaks).
 */
async function upgradePortForward(
  options: ApiHttpServerOptions,
  { sockets, tunnels }: { sockets: WebSocketServer; tunnels: WebSocketServer },
  action: Extract<ResourceAction, { kind: 'portforward' }>,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<void> {
  const got = await options.api.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: action.namespace, name: action.pod });
  if (!got.ok) return refuse(socket, { code: got.code, status: got.body });
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const isWebSocket = (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
  if (isWebSocket && !offered.includes(PORT_FORWARD_PROTOCOL) && offered.includes(CHANNEL_PORT_FORWARD_PROTOCOL)) {
    sockets.handleUpgrade(req, socket, head, (ws) => runChannelPortForwardSession(ws, options.api, action));
    return;
  }
  if (!isWebSocket || !offered.includes(PORT_FORWARD_PROTOCOL)) {
    return refuse(socket, { code: 400, status: badRequest(`unable to upgrade connection: port forwarding is served through a WebSocket tunnel (${PORT_FORWARD_PROTOCOL})`) });
  }
  delete req.headers['sec-websocket-protocol'];
  tunnels.handleUpgrade(req, socket, head, (ws) => runPortForwardSession(ws, options.api, action));
}

/** An HTTP answer on a socket that asked to upgrade: the Status (or the kubelet's plain text). */
function refuse(socket: Duplex, refusal: Refusal): void {
  const isStatus = 'status' in refusal;
  const text = isStatus ? JSON.stringify(refusal.status) : refusal.text;
  const reason = { 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error' }[refusal.code] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${refusal.code} ${reason}\r\nContent-Type: ${isStatus ? 'application/json' : 'text/plain; charset=utf-8'}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
