import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiServer } from '../api/api-server.ts';
import { InProcessApiClient } from './in-process-api-client.ts';

/** A server whose handler has a bug, and a stream handler whose promise rejects. */
const faulty = {
  handle: () => {
    throw new TypeError('obj.apiVersion.includes is not a function');
  },
} as unknown as ApiServer;
const failingStream = () => Promise.reject(new RangeError('Maximum call stack size exceeded'));

const panic = (request: string) => ({
  ok: false,
  code: 500,
  body: {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `an error on the server ("This request caused apiserver to panic. Look in the logs for details.") has prevented the request from succeeding (${request})`,
    reason: 'InternalError',
    code: 500,
  },
});

describe('InProcessApiClient on a fault of the engine', () => {
  afterEach(() => vi.restoreAllMocks());

  const cases = [
    { name: 'a create the server throws on', req: { verb: 'create', group: '', resource: 'pods', namespace: 'default', body: { apiVersion: 1 } }, shown: 'post pods' },
    { name: 'a get in a named group', req: { verb: 'get', group: 'apps', resource: 'deployments', namespace: 'default', name: 'web' }, shown: 'get deployments.apps web' },
    {
      name: 'a streaming request that rejects',
      req: { verb: 'create', group: '', resource: 'pods', namespace: 'default', name: 'web', subresource: 'exec' },
      shown: 'post pods web',
    },
  ];
  it.each(cases)('answers $name as an API server that recovered from a panic, and logs it', async ({ req, shown }) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = new InProcessApiClient(faulty, failingStream);
    expect(await client.request(req as never)).toEqual(panic(shown));
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
