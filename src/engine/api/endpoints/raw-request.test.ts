import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, RawRequest } from '../client.ts';
import { createTestCluster } from '../../../../tests/support/test-cluster.ts';

// Bodies and codes as `cka-lab serve` writes them to the real kubectl's `get --raw`.
const NOT_FOUND =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}';

describe('answerRaw', () => {
  let api: ApiClient;
  beforeAll(async () => {
    ({ api } = await createTestCluster());
  }, 60_000);

  it.each([
    { name: 'the health check', req: { method: 'GET', path: '/healthz' }, code: 200, body: 'ok' },
    { name: 'a path nothing is served at', req: { method: 'GET', path: '/nope' }, code: 404, body: NOT_FOUND },
    { name: "the harness's clock, which only the served cluster has", req: { method: 'GET', path: '/.cka-lab/clock' }, code: 404, body: NOT_FOUND },
    {
      name: 'the legacy core discovery',
      req: { method: 'GET', path: '/api' },
      code: 200,
      body: '{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"192.168.121.10:6443"}]}',
    },
    {
      name: 'a streaming subresource',
      req: { method: 'GET', path: '/api/v1/namespaces/default/pods/x/exec' },
      code: 400,
      body: '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Upgrade request required","reason":"BadRequest","code":400}',
    },
  ] satisfies { name: string; req: RawRequest; code: number; body: string }[])('answers $name', async ({ req, code, body }) => {
    expect(await api.raw!(req)).toEqual({ code, body });
  });

  it('pages a list with the query it is given', async () => {
    const answer = await api.raw!({ method: 'GET', path: '/api/v1/namespaces?limit=1' });
    const list = JSON.parse(answer.body) as { kind: string; items: unknown[]; metadata: { continue?: string; remainingItemCount?: number } };
    expect(answer.code).toBe(200);
    expect(list.kind).toBe('NamespaceList');
    expect(list.items).toHaveLength(1);
    expect(list.metadata.remainingItemCount).toBe(3);
    expect(atob(list.metadata.continue!)).toMatch(/^\{"v":"meta\.k8s\.io\/v1","rv":\d+,"start":"\/default\\u0000"\}$/);
  });

  it('reads a body as JSON, as kubectl labels it', async () => {
    const answer = await api.raw!({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: 'kind: ConfigMap' });
    expect(answer.code).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ message: "couldn't get version/kind; json parse error: invalid character looking for beginning of value" });
  });
});
