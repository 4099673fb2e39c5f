import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestTransport } from './rest-transport.ts';

// A server that drops a kept-alive connection as its second request arrives, as one does when its
// idle timeout fires just as the client reuses the connection.
const requestsOn = new WeakMap<Socket, number>();
let server: Server;
let url = '';
let served = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const count = (requestsOn.get(req.socket) ?? 0) + 1;
    requestsOn.set(req.socket, count);
    if (count > 1) return void req.socket.destroy();
    served++;
    res.end(`answer ${served}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('RestTransport', () => {
  it('sends a request again on a new connection when the server closed the kept-alive one', async () => {
    const transport = new RestTransport({ server: url, tls: { insecureSkipVerify: false } });
    const first = await transport.send({ method: 'GET', path: '/api' });
    const second = await transport.send({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: '{}' });
    expect([first.text, second.text]).toEqual(['answer 1', 'answer 2']);
  });
});
