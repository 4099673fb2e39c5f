import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

const WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

// A v1.35 server warns on every request for v1 Endpoints (apiserver deprecation.WarningMessage);
// kubectl prints each distinct warning once (rest.WarningWriterOptions{Deduplicate: true}).
const cases = [
  {
    name: 'get endpoints warns once on stderr',
    line: 'kubectl get endpoints kubernetes',
    want: { stdout: 'NAME         ENDPOINTS             AGE\nkubernetes   192.168.121.10:6443   0s\n', stderr: WARNING, code: 0 },
  },
  {
    name: 'a failed get warns too',
    line: 'kubectl get ep nope',
    want: { stdout: '', stderr: `${WARNING}Error from server (NotFound): endpoints "nope" not found\n`, code: 1 },
  },
  {
    name: 'two requests with the same warning print it once',
    line: 'kubectl get ep kubernetes nope -o name',
    want: { stdout: 'endpoints/kubernetes\n', stderr: `${WARNING}Error from server (NotFound): endpoints "nope" not found\n`, code: 1 },
  },
  {
    name: 'endpoint slices are not deprecated',
    line: 'kubectl get endpointslices',
    want: { stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 },
  },
];

describe('server warnings', () => {
  it.each(cases)('$name', async ({ line, want }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual(want);
  });
});
