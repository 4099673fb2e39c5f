/**
 * In a session there is one API server: the simulated cluster's. A kubeconfig may still point
 * elsewhere (a second exam cluster, a typo, no kubeconfig at all: `localhost:8080`), and kubectl
 * must then fail as it fails against an address where nothing listens.
 * Models kubectl pkg/cmd/util/helpers.go StandardErrorMessage for *url.Error.
 */

/** Where the simulated API server answers, and which other host names the session resolves. */
export interface SessionServer {
  /** Host names and addresses of the control plane, each with the address it resolves to. */
  apiHosts: Readonly<Record<string, string>>;
  port: number;
  /** Other hosts that resolve (worker nodes), each with its address: nothing listens on their API port. */
  otherHosts: Readonly<Record<string, string>>;
}

/**
 * `message` is what kubectl prints for the failed request (StandardErrorMessage); `goError` the
 * url.Error text commands quote themselves (`api-versions`: `couldn't get available api versions…`).
 */
export type ServerReach = { ok: true } | { ok: false; message: string; goError?: string; delayMs?: number };

/** How long Go's dialer waits on an address that never answers before kubectl gives up. */
const DIAL_TIMEOUT_MS = 30_000;

export function reachServer(server: string, session: SessionServer): ServerReach {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(server) ? server : `http://${server}`;
  const url = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d*))?(?:[/?#].*)?$/i.exec(withScheme);
  if (!url) return { ok: false, message: `error: host must be a URL or a host:port pair: "${server}"` };
  const scheme = url[1]!.toLowerCase();
  const hostname = url[2]!;
  const host = hostname.replace(/^\[|\]$/g, '');
  const port = Number(url[3] || (scheme === 'https' ? 443 : 80));
  const hostPort = `${hostname}:${port}`;
  const get = `Get "${withScheme.replace(/\/+$/, '')}/api?timeout=32s": `;
  const ip = host === 'localhost' ? '127.0.0.1' : (session.apiHosts[host] ?? session.otherHosts[host] ?? host);
  const refused = {
    ok: false as const,
    message: `The connection to the server ${url[3] ? hostPort : hostname} was refused - did you specify the right host or port?`,
    goError: `${get}dial tcp ${ip}:${port}: connect: connection refused`,
  };
  const loopback = host === 'localhost' || /^127\./.test(host);
  if (session.apiHosts[host] !== undefined || loopback) return port === session.port && scheme === 'https' ? { ok: true } : refused;
  if (session.otherHosts[host] !== undefined) return refused;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    const timeout = `dial tcp ${hostPort}: i/o timeout`;
    return { ok: false, message: `Unable to connect to the server: ${timeout}`, goError: `${get}${timeout}`, delayMs: DIAL_TIMEOUT_MS };
  }
  const lookup = `dial tcp: lookup ${host} on 127.0.0.53:53: no such host`;
  return { ok: false, message: `Unable to connect to the server: ${lookup}`, goError: `${get}${lookup}` };
}
