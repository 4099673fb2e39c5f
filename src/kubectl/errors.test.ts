import { describe, expect, it } from 'vitest';
import type { Status } from '../engine/api/client.ts';
import { newSession, runLine } from '../../tests/support/session.ts';
import { formatStatus } from './errors.ts';

const invalid = (extra: Partial<Status>): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'bad', reason: 'Invalid', code: 422, ...extra });

describe('formatStatus', () => {
  it.each([
    { name: 'Invalid without details', status: invalid({}), want: 'The request is invalid: bad' },
    { name: 'Invalid naming its object but no causes', status: invalid({ details: { kind: 'deployments', name: 'web' } }), want: 'The deployments "web" is invalid' },
    {
      name: 'Invalid with a cause',
      status: invalid({ details: { kind: 'Deployment', name: 'web', causes: [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: 'must be positive' }] } }),
      want: 'The Deployment "web" is invalid: spec.replicas: must be positive',
    },
    {
      name: 'NotFound',
      status: { ...invalid({}), reason: 'NotFound' as const, code: 404, message: 'deployments.apps "web" not found' },
      want: 'Error from server (NotFound): deployments.apps "web" not found',
    },
  ])('$name', ({ status, want }) => {
    expect(formatStatus(status)).toBe(want);
  });

  it('words a JSON patch that removes a missing path as checkErr does', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx');
    expect(await runLine(session, `kubectl patch deployment web --type=json -p='[{"op":"remove","path":"/spec/nope"}]'`)).toEqual({
      stdout: '',
      stderr: 'The request is invalid: the server rejected our request due to an error in our request\n',
      code: 1,
    });
  });
});
