import type { ForwardedHttpRequest, ForwardedHttpResponse } from '../engine/api/client.ts';

/**
 * The loopback of the machine kubectl runs on, where `kubectl port-forward` listens. Given by the
 * composition root: the simulated controlplane host in the lab.
 */
export interface LocalPorts {
  /**
   * Listens on 127.0.0.1 and ::1 at `port` (0: a free port), calling `accept` for each connection;
   * an undefined answer closes the connection without a reply. Undefined when the port is taken.
   */
  listen(port: number, accept: (request: ForwardedHttpRequest) => Promise<ForwardedHttpResponse | undefined>): Promise<{ port: number; close(): void } | undefined>;
}
