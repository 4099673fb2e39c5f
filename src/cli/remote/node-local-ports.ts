/**
 * LocalPorts on this machine for `cka-lab kubectl port-forward`: an HTTP server on 127.0.0.1 and
 * one on ::1 at the same port, each request handed to kubectl as one forwarded connection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ForwardedHttpRequest, ForwardedHttpResponse } from '../../engine/api/client.ts';
import type { LocalPorts } from '../../kubectl/local-ports.ts';

type Accept = (request: ForwardedHttpRequest) => Promise<ForwardedHttpResponse | undefined>;

export function nodeLocalPorts(): LocalPorts {
  return {
    async listen(port, accept) {
      const ipv4 = await listenOn(port, '127.0.0.1', accept);
      if (!ipv4) return undefined;
      const chosen = (ipv4.address() as AddressInfo).port;
      // A machine without IPv6 still forwards on 127.0.0.1.
      const ipv6 = await listenOn(chosen, '::1', accept);
      return {
        port: chosen,
        close: () => {
          ipv4.close();
          ipv6?.close();
        },
      };
    },
  };
}

function listenOn(port: number, host: string, accept: Accept): Promise<Server | undefined> {
  const server = createServer((req, res) => void answer(req, res, accept));
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(port, host, () => resolve(server));
  });
}

async function answer(req: IncomingMessage, res: ServerResponse, accept: Accept): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
  const response = await accept({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') });
  // No response: the forward failed, and the connection closes without a reply as kubectl's does.
  if (!response) return void req.socket.destroy();
  res.writeHead(response.status, response.contentType ? { 'Content-Type': response.contentType } : {});
  res.end(response.body);
}
