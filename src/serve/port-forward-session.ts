/**
 * `pods/<name>/portforward` as kubectl v1.35 speaks it: SPDY/3.1 tunnelled through a WebSocket
 * (client-go tools/portforward/tunneling_connection.go). Each local connection opens an error
 * stream and a data stream that share a `requestid`; the simulated network speaks HTTP, so once
 * the data stream holds a whole request it goes to the pod through the ApiClient's
 * pods/portforward, the response comes back on the data stream, and the error stream closes empty
 * — or carries the kubelet's error, on which kubectl gives up the whole forward.
 * Models pkg/kubelet/cri/streaming/portforward/httpstream.go (requestID pairing, headers).
 */
import type { WebSocket } from 'ws';
import type { ApiClient, ForwardedHttpRequest, ForwardedHttpResponse } from '../engine/api/client.ts';
import { controlFrame, dataFrame, FLAG_FIN, FRAME, FrameReader, HeaderCodec, uint32s, type Frame } from './spdy-frames.ts';
import { messageOf } from '../engine/api/endpoints/serve-status.ts';

export const PORT_FORWARD_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';

export interface PortForwardAction {
  namespace: string;
  pod: string;
}

interface PortStream {
  type: string;
  port: number;
  requestId: string;
  received: Buffer[];
}

interface StreamPair {
  error?: number;
  data?: number;
  handled: boolean;
}

export function runPortForwardSession(ws: WebSocket, api: ApiClient, action: PortForwardAction): void {
  const reader = new FrameReader();
  const codec = new HeaderCodec();
  const streams = new Map<number, PortStream>();
  const pairs = new Map<string, StreamPair>();
  let queue = Promise.resolve();
  const send = (frame: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(frame);
  };

  const forward = async (pair: StreamPair, stream: PortStream) => {
    pair.handled = true;
    const request = parseHttpRequest(Buffer.concat(stream.received));
    let failure = '';
    let response: ForwardedHttpResponse | undefined;
    try {
      const res = await api.request<ForwardedHttpResponse>({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: action.namespace,
        name: action.pod,
        subresource: 'portforward',
        query: { ports: [stream.port] },
        streams: { request: request! },
      });
      if (res.ok) response = res.body;
      else failure = res.body.message;
    } catch (error) {
      failure = messageOf(error);
    }
    send(dataFrame(pair.data!, FLAG_FIN, response ? encodeHttpResponse(response) : Buffer.alloc(0)));
    send(dataFrame(pair.error!, FLAG_FIN, Buffer.from(failure, 'utf8')));
  };

  const onFrame = async (frame: Frame) => {
    if (!frame.control) {
      const stream = streams.get(frame.streamId);
      if (!stream) return;
      stream.received.push(frame.data);
      const pair = pairs.get(stream.requestId);
      if (stream.type === 'data' && pair && pair.error !== undefined && !pair.handled && parseHttpRequest(Buffer.concat(stream.received))) await forward(pair, stream);
      return;
    }
    switch (frame.type) {
      case FRAME.synStream: {
        const streamId = frame.data.readUInt32BE(0) & 0x7fffffff;
        const headers = await codec.decode(frame.data.subarray(10));
        const stream: PortStream = { type: headers.get('streamtype') ?? '', port: Number(headers.get('port')), requestId: headers.get('requestid') ?? '', received: [] };
        streams.set(streamId, stream);
        const pair = pairs.get(stream.requestId) ?? { handled: false };
        pairs.set(stream.requestId, pair);
        if (stream.type === 'error') pair.error = streamId;
        else pair.data = streamId;
        send(controlFrame(FRAME.synReply, 0, Buffer.concat([uint32s(streamId), await codec.encode({})])));
        return;
      }
      case FRAME.ping:
        send(controlFrame(FRAME.ping, 0, frame.data));
        return;
      case FRAME.goAway:
        ws.close(1000);
        return;
      default:
        // SETTINGS, WINDOW_UPDATE, RST_STREAM: the exchanges here are far below any window.
        return;
    }
  };

  ws.on('message', (data: Buffer) => {
    for (const frame of reader.push(data)) queue = queue.then(() => onFrame(frame)).catch(() => ws.close(1011));
  });
  ws.on('close', () => codec.close());
}

/** A whole HTTP/1.1 request (head, then Content-Length bytes of body), or undefined while incomplete. */
export function parseHttpRequest(bytes: Buffer): ForwardedHttpRequest | undefined {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [requestLine, ...lines] = text.slice(0, end).split('\r\n');
  const [method = 'GET', path = '/'] = (requestLine ?? '').split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = bytes.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
  if (body.length < length) return undefined;
  return { method, path, headers, body: body.subarray(0, length).toString('utf8') };
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function encodeHttpResponse(response: ForwardedHttpResponse): Buffer {
  const body = Buffer.from(response.body, 'utf8');
  const head = [`HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}`.trimEnd()];
  if (response.contentType) head.push(`Content-Type: ${response.contentType}`);
  head.push(`Content-Length: ${body.length}`, 'Connection: close');
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}

/** The kubelet's WebSocket dialect for one port (`v4.channel.k8s.io`, portforward/websocket.go). */
export const CHANNEL_PORT_FORWARD_PROTOCOL = 'v4.channel.k8s.io';

/**
 * `?ports=P` over `v4.channel.k8s.io`: data on channel 0, errors on channel 1, each opened with
 * the port as two little-endian bytes. One connection carries one HTTP exchange.
 */
export function runChannelPortForwardSession(ws: WebSocket, api: ApiClient, action: PortForwardAction & { ports: number[] }): void {
  const port = action.ports[0] ?? 0;
  const portBytes = Buffer.from([port & 0xff, port >> 8]);
  ws.send(Buffer.concat([Buffer.from([0]), portBytes]));
  ws.send(Buffer.concat([Buffer.from([1]), portBytes]));
  const received: Buffer[] = [];
  let handled = false;
  ws.on('message', (data: Buffer) => {
    if (handled || data[0] !== 0) return;
    received.push(data.subarray(1));
    const request = parseHttpRequest(Buffer.concat(received));
    if (!request) return;
    handled = true;
    void api
      .request<ForwardedHttpResponse>({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: action.namespace,
        name: action.pod,
        subresource: 'portforward',
        query: { ports: [port] },
        streams: { request },
      })
      .catch((error: unknown) => ({ ok: false as const, body: { message: messageOf(error) } }))
      .then((res) => {
        if (ws.readyState !== ws.OPEN) return;
        if (res.ok) ws.send(Buffer.concat([Buffer.from([0]), encodeHttpResponse(res.body)]));
        else ws.send(Buffer.concat([Buffer.from([1]), Buffer.from(res.body.message, 'utf8')]));
        ws.close(1000);
      });
  });
}
