import { describe, expect, it } from 'vitest';
import { reachServer, type SessionServer } from './session-server.ts';

const SESSION: SessionServer = {
  apiHosts: { controlplane: '192.168.121.10', '192.168.121.10': '192.168.121.10' },
  port: 6443,
  otherHosts: { node01: '192.168.121.11', '192.168.121.11': '192.168.121.11' },
};

// Wording of kubectl v1.35.2's StandardErrorMessage for each kind of unreachable address.
describe('reachServer', () => {
  it.each([
    { name: 'the control plane by name', server: 'https://controlplane:6443', reach: { ok: true } },
    { name: 'the control plane by address', server: 'https://192.168.121.10:6443', reach: { ok: true } },
    {
      name: 'no kubeconfig at all',
      server: 'http://localhost:8080',
      reach: {
        ok: false,
        message: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
        goError: 'Get "http://localhost:8080/api?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused',
      },
    },
    {
      name: 'a worker node',
      server: 'https://node01:6443',
      reach: {
        ok: false,
        message: 'The connection to the server node01:6443 was refused - did you specify the right host or port?',
        goError: 'Get "https://node01:6443/api?timeout=32s": dial tcp 192.168.121.11:6443: connect: connection refused',
      },
    },
    {
      name: 'an address nobody answers',
      server: 'https://10.0.0.9:6443',
      reach: {
        ok: false,
        message: 'Unable to connect to the server: dial tcp 10.0.0.9:6443: i/o timeout',
        goError: 'Get "https://10.0.0.9:6443/api?timeout=32s": dial tcp 10.0.0.9:6443: i/o timeout',
        delayMs: 30_000,
      },
    },
    {
      name: 'a name that does not resolve',
      server: 'https://cluster2:6443',
      reach: {
        ok: false,
        message: 'Unable to connect to the server: dial tcp: lookup cluster2 on 127.0.0.53:53: no such host',
        goError: 'Get "https://cluster2:6443/api?timeout=32s": dial tcp: lookup cluster2 on 127.0.0.53:53: no such host',
      },
    },
  ])('$name', ({ server, reach }) => {
    expect(reachServer(server, SESSION)).toEqual(reach);
  });
});
