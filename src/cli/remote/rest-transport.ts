/**
 * One HTTP(S) exchange with the API server, with the kubeconfig's TLS and credentials. Whole
 * answers for ordinary requests; a line-by-line stream for watches. A socket that cannot connect
 * rejects with ApiConnectionError worded as kubectl prints it.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { connectionError } from './connection-error.ts';
import type { RestConfig } from './kubeconfig.ts';

/** kubectl v1.35.2's User-Agent (rest.DefaultKubernetesUserAgent). */
export const USER_AGENT = 'kubectl/v1.35.2 (linux/amd64) kubernetes/fdc9d74';

export interface RestCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, e.g. `/api/v1/namespaces/default/pods?labelSelector=app%3Dweb`. */
  path: string;
  accept?: string;
  contentType?: string;
  body?: string;
}

export interface RestAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Name, value, name, value…: repeated headers (Warning) stay apart. */
  rawHeaders: string[];
  text: string;
}

export class RestTransport {
  readonly config: RestConfig;
  readonly #server: URL;
  /** Connections are kept for one invocation only, as a kubectl process keeps them. */
  readonly #agent: HttpAgent;

  constructor(config: RestConfig) {
    this.config = config;
    this.#server = new URL(config.server);
    this.#agent = this.#server.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  }

  /** The request options shared by HTTP calls and the exec websocket (TLS material, auth). */
  options(path: string, headers: Record<string, string>): RequestOptions & { ca?: string; cert?: string; key?: string; rejectUnauthorized?: boolean; servername?: string } {
    const base = this.#server.pathname.replace(/\/+$/, '');
    const auth: Record<string, string> = {};
    if (this.config.bearerToken) auth.Authorization = `Bearer ${this.config.bearerToken}`;
    else if (this.config.basicAuth) auth.Authorization = `Basic ${Buffer.from(`${this.config.basicAuth.username}:${this.config.basicAuth.password}`).toString('base64')}`;
    const { tls } = this.config;
    return {
      protocol: this.#server.protocol,
      hostname: this.#server.hostname.replace(/^\[|\]$/g, ''),
      port: this.#server.port || (this.#server.protocol === 'https:' ? 443 : 80),
      path: base + path,
      headers: { 'User-Agent': USER_AGENT, ...auth, ...headers },
      ...(tls.ca ? { ca: tls.ca } : {}),
      ...(tls.cert ? { cert: tls.cert } : {}),
      ...(tls.key ? { key: tls.key } : {}),
      ...(tls.serverName ? { servername: tls.serverName } : {}),
      rejectUnauthorized: !tls.insecureSkipVerify,
    };
  }

  get server(): URL {
    return this.#server;
  }

  send(call: RestCall): Promise<RestAnswer> {
    return new Promise((resolve, reject) => {
      const attempt = (retried: boolean) => {
        let answered = false;
        const req = this.#open(call, (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (error) => reject(connectionError(error, this.#server)));
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          // The server closed a kept-alive connection as this request went out on it: Go's
          // transport sends the request again on a new connection, and so do we.
          if (!answered && !retried && req.reusedSocket && error.code === 'ECONNRESET') attempt(true);
          else reject(connectionError(error, this.#server));
        });
        req.end(call.body);
      };
      attempt(false);
    });
  }

  /**
   * Opens a streaming GET: `onStart` gets the status and headers, then `onLine` each complete
   * line, `onEnd` once the server closes. The returned function aborts it.
   */
  stream(
    call: RestCall,
    handlers: { onStart(status: number, headers: IncomingHttpHeaders, rawHeaders: string[]): void; onLine(line: string): void; onEnd(error?: Error): void },
  ): () => void {
    let aborted = false;
    const req = this.#open(call, (res) => {
      handlers.onStart(res.statusCode ?? 0, res.headers, res.rawHeaders);
      let pending = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        pending += chunk;
        for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
          const line = pending.slice(0, nl);
          pending = pending.slice(nl + 1);
          if (!aborted && line.trim() !== '') handlers.onLine(line);
        }
      });
      res.on('end', () => {
        if (!aborted && pending.trim() !== '') handlers.onLine(pending);
        if (!aborted) handlers.onEnd();
      });
      res.on('error', () => {
        if (!aborted) handlers.onEnd();
      });
    });
    req.on('error', (error) => {
      if (!aborted) handlers.onEnd(connectionError(error, this.#server));
    });
    req.end();
    return () => {
      aborted = true;
      req.destroy();
    };
  }

  #open(call: RestCall, onResponse: (res: IncomingMessage) => void) {
    const headers: Record<string, string> = { Accept: call.accept ?? 'application/json, */*' };
    if (call.body !== undefined) {
      headers['Content-Type'] = call.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(call.body));
    }
    const options = { ...this.options(call.path, headers), method: call.method, agent: this.#agent };
    return this.#server.protocol === 'https:' ? httpsRequest(options, onResponse) : httpRequest(options, onResponse);
  }
}
