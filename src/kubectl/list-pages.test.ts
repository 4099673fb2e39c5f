import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiRequest, KubeObject } from '../engine/api/client.ts';
import { listAllPages } from './list-pages.ts';

const pods: KubeObject[] = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ metadata: { name } }));

/** A server that pages as the API server does, the continue token naming the next offset. */
function pagingServer(seen: ApiRequest['query'][]): ApiClient {
  return {
    request: async (req: ApiRequest) => {
      seen.push(req.query);
      const start = Number(req.query?.continue ?? 0);
      const limit = req.query?.limit ?? pods.length;
      const end = Math.min(start + limit, pods.length);
      return { ok: true, code: 200, body: { items: pods.slice(start, end), metadata: end < pods.length ? { continue: String(end) } : {} } };
    },
  } as unknown as ApiClient;
}

const cases = [
  { name: 'pages of two', limit: 2, queries: [{ limit: 2 }, { limit: 2, continue: '2' }, { limit: 2, continue: '4' }] },
  { name: 'one page when the chunk is larger than the list', limit: 500, queries: [{ limit: 500 }] },
  { name: 'no limit for a chunk size of 0', limit: 0, queries: [{}] },
];

describe('listAllPages', () => {
  it.each(cases)('$name', async ({ limit, queries }) => {
    const seen: ApiRequest['query'][] = [];
    const res = await listAllPages<{ items: KubeObject[] }>(pagingServer(seen), { verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default' }, limit);
    expect(res.ok && res.body.items.map((p) => p.metadata?.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(seen).toEqual(queries);
  });
});
