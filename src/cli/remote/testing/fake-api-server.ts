/**
 * A tiny API server for tests: canned answers by `METHOD /path?query`, every request recorded,
 * and a pods/exec WebSocket (v5.channel.k8s.io) that runs `echo`, `cat` and `exit N`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface CannedAnswer {
  status?: number;
  contentType?: string;
  headers?: [string, string][];
  /** An object is sent as JSON; a string as is; an array of objects as a watch stream. */
  body: unknown;
}

/** A fixed answer, or one chosen by the request (a Table for `as=Table`, the object otherwise). */
export type Route = CannedAnswer | ((req: RecordedRequest) => CannedAnswer);

export interface RecordedRequest {
  method: string;
  url: string;
  accept: string;
  contentType: string;
  body: string;
}

export class FakeApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly #routes = new Map<string, Route>();
  readonly #server: Server;
  readonly #wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('v5.channel.k8s.io') ? 'v5.channel.k8s.io' : false) });
  /** Open watch responses, ended by close(). */
  readonly #streams = new Set<ServerResponse>();

  constructor(routes: Record<string, Route>) {
    for (const [key, answer] of Object.entries(routes)) this.#routes.set(key, answer);
    this.#server = createServer((req, res) => this.#answer(req, res));
    this.#server.on('upgrade', (req, socket, head) => {
      const container = new URL(req.url ?? '/', 'http://x').searchParams.get('container');
      if (container === 'nope') {
        // What the kubelet answers, relayed by the API server, for a container the pod lacks.
        const body = `container not found ("${container}")`;
        socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => runExec(ws, new URL(req.url ?? '/', 'http://x').searchParams));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const res of this.#streams) res.end();
    for (const client of this.#wss.clients) client.terminate();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #answer(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const recorded = {
        method: req.method ?? '',
        url,
        accept: req.headers.accept ?? '',
        contentType: req.headers['content-type'] ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(recorded);
      // A watch is routed by its path and `?watch=true`, whatever else its query holds (resourceVersion…).
      const watchKey = /[?&]watch=true(&|$)/.test(url) ? `${req.method} ${url.split('?')[0]}?watch=true` : undefined;
      const route = this.#routes.get(`${req.method} ${url}`) ?? (watchKey ? this.#routes.get(watchKey) : undefined) ?? this.#routes.get(`${req.method} ${url.split('?')[0]}`);
      const answer = typeof route === 'function' ? route(recorded) : route;
      if (!answer) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: 'the server could not find the requested resource',
            reason: 'NotFound',
            details: {},
            code: 404,
          }),
        );
        return;
      }
      const headers: [string, string][] = [
        ['Content-Type', answer.contentType ?? (typeof answer.body === 'string' ? 'text/plain' : 'application/json')],
        ...(answer.headers ?? []),
      ];
      res.writeHead(answer.status ?? 200, headers.flat());
      if (Array.isArray(answer.body) && url.includes('watch=true')) {
        // A watch: each event on its own line, the stream left open as a server's would be.
        for (const event of answer.body) res.write(`${JSON.stringify(event)}\n`);
        this.#streams.add(res);
        return;
      }
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  }
}

function frame(channel: number, text: string): Buffer {
  return Buffer.concat([Buffer.from([channel]), Buffer.from(text, 'utf8')]);
}

function runExec(ws: WebSocket, query: URLSearchParams): void {
  const command = query.getAll('command');
  const finish = (exitCode: number) => {
    const status =
      exitCode === 0
        ? { metadata: {}, status: 'Success' }
        : {
            metadata: {},
            status: 'Failure',
            message: `command terminated with non-zero exit code: exit status ${exitCode}`,
            reason: 'NonZeroExitCode',
            details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
          };
    ws.send(frame(3, JSON.stringify(status)));
    ws.close(1000);
  };
  if (command[0] === 'echo') {
    ws.send(frame(1, `${command.slice(1).join(' ')}\n`));
    finish(0);
  } else if (command[0] === 'exit') {
    ws.send(frame(2, `exiting with ${command[1]}\n`));
    finish(Number(command[1]));
  } else if (command[0] === 'cat') {
    const tty = query.get('tty') === 'true';
    ws.on('message', (data: Buffer) => {
      const text = data.subarray(1).toString('utf8');
      // A TTY turns Ctrl-D into end of input; without one stdin ends by the v5 close signal.
      if (data[0] === 0 && tty && text.includes('\x04')) finish(0);
      else if (data[0] === 0) ws.send(frame(1, tty ? text.replace(/\r/g, '\r\n') : text));
      else if (data[0] === 4) ws.send(frame(1, `[resized to ${text}]\r\n`));
      else if (data[0] === 255 && data[1] === 0) finish(0);
    });
  } else {
    ws.send(frame(3, JSON.stringify({ metadata: {}, status: 'Failure', message: `exec: "${command[0]}": executable file not found in $PATH`, reason: 'InternalError' })));
    ws.close(1000);
  }
}
