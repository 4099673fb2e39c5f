/**
 * One connection of `kubectl port-forward` over pods/portforward, in the WebSocket dialect the
 * kubelet serves (pkg/kubelet/cri/streaming/portforward/websocket.go): subprotocol
 * v4.channel.k8s.io, `?ports=P`, for the i-th port a data channel 2i and an error channel 2i+1,
 * each opened by the server with the port as two little-endian bytes. The simulated network
 * speaks HTTP, so one connection carries one request and its response.
 */
import WebSocket from 'ws';
import type { ApiRequest, ApiResponse, ForwardedConnection, ForwardedHttpResponse, Status } from '../../engine/api/client.ts';
import { connectionError } from './connection-error.ts';
import { resourcePath } from './request-path.ts';
import type { RestTransport } from './rest-transport.ts';

const PROTOCOL = 'v4.channel.k8s.io';

export function portForwardOverWebSocket(transport: RestTransport, req: ApiRequest): Promise<ApiResponse<ForwardedHttpResponse>> {
  const connection = req.streams && 'request' in req.streams ? (req.streams as ForwardedConnection) : undefined;
  const params = new URLSearchParams();
  for (const port of req.query?.ports ?? []) params.append('ports', String(port));
  const options = transport.options(`${resourcePath(req)}?${params}`, {});
  const scheme = transport.server.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${scheme}//${transport.server.host}${options.path}`, [PROTOCOL], {
      headers: options.headers as Record<string, string>,
      ...(options.ca ? { ca: options.ca } : {}),
      ...(options.cert ? { cert: options.cert } : {}),
      ...(options.key ? { key: options.key } : {}),
      ...(options.servername ? { servername: options.servername } : {}),
      rejectUnauthorized: options.rejectUnauthorized ?? true,
    });
    let settled = false;
    const finish = (result: ApiResponse<ForwardedHttpResponse>) => {
      if (settled) return;
      settled = true;
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
      resolve(result);
    };
    const data: Buffer[] = [];
    let errorText = '';
    const headerSeen = new Set<number>();
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => finish(refusal(res.statusCode ?? 500, Buffer.concat(chunks).toString('utf8'))));
    });
    ws.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(connectionError(error, transport.server));
    });
    ws.on('open', () => {
      const request = connection?.request ?? { method: 'GET', path: '/', headers: {}, body: '' };
      ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(encodeRequest(request), 'utf8')]));
    });
    ws.on('message', (frame: Buffer) => {
      if (frame.length === 0) return;
      const channel = frame[0]!;
      let payload = frame.subarray(1);
      if (!headerSeen.has(channel)) {
        headerSeen.add(channel);
        payload = payload.subarray(2);
      }
      if (channel === 0) data.push(payload);
      else if (channel === 1) errorText += payload.toString('utf8');
      const response = decodeResponse(Buffer.concat(data).toString('utf8'));
      if (response) finish({ ok: true, code: 200, body: response });
    });
    ws.on('close', () => {
      if (errorText) finish(refusal(500, errorText));
      else finish(decodedOrEmpty(Buffer.concat(data).toString('utf8')));
    });
  });
}

function encodeRequest(request: ForwardedConnection['request']): string {
  const headers = Object.entries({ ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) }).map(([name, value]) => `${name}: ${value}\r\n`);
  return `${request.method} ${request.path} HTTP/1.1\r\n${headers.join('')}\r\n${request.body}`;
}

/** A whole HTTP/1.1 response (status line, headers, Content-Length bytes of body), or undefined while incomplete. */
export function decodeResponse(text: string): ForwardedHttpResponse | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  if (!Number.isInteger(status)) return undefined;
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const body = text.slice(end + 4);
  const length = Number(headers.get('content-length') ?? Buffer.byteLength(body));
  if (Buffer.byteLength(body) < length) return undefined;
  const contentType = headers.get('content-type');
  return { status, body, ...(contentType ? { contentType } : {}) };
}

function decodedOrEmpty(text: string): ApiResponse<ForwardedHttpResponse> {
  const response = decodeResponse(text);
  return response ? { ok: true, code: 200, body: response } : refusal(500, 'lost connection to pod');
}

function refusal(code: number, text: string): ApiResponse<ForwardedHttpResponse> {
  try {
    const body = JSON.parse(text) as Status;
    if (body && body.kind === 'Status') return { ok: false, code, body };
  } catch {
    // Plain text: the kubelet's own words.
  }
  return { ok: false, code, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: text.trim(), reason: 'InternalError', code } };
}
