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

describe('answerRaw of a watch with a stream', () => {
  let api: ApiClient;
  beforeAll(async () => {
    ({ api } = await createTestCluster());
  }, 60_000);

  const limitRange = (name: string) => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name }, spec: { limits: [{ type: 'Container', max: { cpu: '1' } }] } });
  const create = (name: string) => api.request({ verb: 'create', group: '', version: 'v1', resource: 'limitranges', namespace: 'default', body: limitRange(name) });
  const events = (lines: string[]) =>
    lines.map((line) => {
      const event = JSON.parse(line) as { type: string; object: { metadata: { name?: string; annotations?: Record<string, string> } } };
      return [event.type, event.object.metadata.name ?? event.object.metadata.annotations?.['k8s.io/initial-events-end']];
    });

  // Each case's objects stay for the next: the one created after the client stopped must not be copied.
  it.each([
    {
      name: 'a watch query parameter',
      path: '/api/v1/namespaces/default/limitranges?watch=true',
      first: 'a',
      expected: [
        ['ADDED', 'a'],
        ['ADDED', 'b'],
      ],
    },
    {
      name: 'a /watch/ path',
      path: '/api/v1/watch/namespaces/default/limitranges',
      first: 'c',
      expected: [
        ['ADDED', 'a'],
        ['ADDED', 'a-after'],
        ['ADDED', 'b'],
        ['ADDED', 'c'],
        ['ADDED', 'd'],
      ],
    },
    {
      name: 'a WatchList, which marks where the current objects end',
      path: '/api/v1/namespaces/default/limitranges?watch=1&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan',
      first: 'e',
      expected: [
        ...[
          ['ADDED', 'a'],
          ['ADDED', 'a-after'],
          ['ADDED', 'b'],
          ['ADDED', 'c'],
          ['ADDED', 'c-after'],
          ['ADDED', 'd'],
          ['ADDED', 'e'],
        ],
        ...[
          ['BOOKMARK', 'true'],
          ['ADDED', 'f'],
        ],
      ],
    },
  ])('copies each event line of $name until the client stops reading', async ({ path, first, expected }) => {
    await create(first);
    const lines: string[] = [];
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const answer = api.raw!({ method: 'GET', path, stream: { write: (text) => lines.push(text), until: () => stopped } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await create(String.fromCharCode(first.charCodeAt(0) + 1));
    stop();
    expect(await answer).toEqual({ code: 200, body: '' });
    await create(`${first}-after`);
    expect(lines.every((line) => line.endsWith('}\n'))).toBe(true);
    expect(events(lines)).toEqual(expected);
  });
});
