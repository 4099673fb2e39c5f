import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiRequest, ApiResponse, KubeObject } from '../../../engine/api/client.ts';
import { describeNamespace } from './namespace-text.ts';

const notFound: ApiResponse = {
  ok: false,
  code: 404,
  body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 },
};

/** A server answering lists of quotas and limit ranges from `lists`, 404 for resources it lacks. */
function serverWith(lists: Record<string, KubeObject[]>): ApiClient {
  return {
    request: async (req: ApiRequest) => (lists[req.resource] ? { ok: true, code: 200, body: { items: lists[req.resource] } } : notFound),
  } as unknown as ApiClient;
}

const ns: KubeObject = { kind: 'Namespace', metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } }, status: { phase: 'Active' } };
const header = 'Name:         dev\nLabels:       kubernetes.io/metadata.name=dev\nAnnotations:  <none>\nStatus:       Active\n';

const cases: { name: string; lists: Record<string, KubeObject[]>; expected: string }[] = [
  { name: 'server without quotas or limit ranges', lists: {}, expected: header },
  { name: 'served but empty', lists: { resourcequotas: [], limitranges: [] }, expected: `${header}\nNo resource quota.\n\nNo LimitRange resource.\n` },
  {
    name: 'a quota and a limit range',
    lists: {
      resourcequotas: [{ metadata: { name: 'compute' }, status: { hard: { pods: '10', 'requests.cpu': '2' }, used: { pods: '3' } } }],
      limitranges: [{ metadata: { name: 'defaults' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '0.25' } }] } }],
    },
    expected:
      `${header}\nResource Quotas\n  Name:         compute\n  Resource      Used  Hard\n  --------      ---   ---\n  pods          3     10\n  requests.cpu  0     2\n\n` +
      'Resource Limits\n Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio\n' +
      ' ----       --------  ---  ---  ---------------  -------------  -----------------------\n' +
      ' Container  cpu       -    -    250m             500m           -\n',
  },
];

describe('describeNamespace', () => {
  it.each(cases)('$name', async ({ lists, expected }) => {
    expect(await describeNamespace(serverWith(lists), ns)).toBe(expected);
  });
});
