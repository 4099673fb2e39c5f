import { describe, expect, it } from 'vitest';
import { Session } from '../session/session.ts';
import { followLog } from './log-follow.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

async function sessionWithPod(command: string, restartPolicy = 'Never'): Promise<Session> {
  const session = await Session.create({ seed: 1, yieldToHost });
  await session.api.request({
    verb: 'create',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace: 'default',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', command] }] } },
  });
  await session.cluster.pump.advance(5_000);
  return session;
}

const logOf = { verb: 'get' as const, group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'p', subresource: 'log' };

/** Follows with each poll one virtual second later; returns every chunk written. */
async function follow(session: Session, query: Record<string, unknown>): Promise<{ chunks: string[]; failed: unknown }> {
  const chunks: string[] = [];
  const failed = await followLog(
    session.api,
    { ...logOf, query },
    { write: (text) => void (text && chunks.push(text)), wait: () => session.cluster.pump.advance(1_000), closed: false },
  );
  return { chunks, failed };
}

describe('followLog', () => {
  it('sends what was written, then each new line, and ends with the container', async () => {
    const session = await sessionWithPod('echo one; sleep 3; echo two; sleep 3; echo three');
    expect(await follow(session, {})).toEqual({ chunks: ['one\n', 'two\n', 'three\n'], failed: undefined });
  });

  it('keeps tail for the first read only', async () => {
    const session = await sessionWithPod('echo one; echo two; sleep 3; echo three');
    expect(await follow(session, { tailLines: 1 })).toEqual({ chunks: ['two\n', 'three\n'], failed: undefined });
  });

  it('answers with the Status when the log cannot be read', async () => {
    const session = await sessionWithPod('echo one');
    const { failed } = await follow(session, { container: 'nope' });
    expect(failed).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'container nope is not valid for pod p',
      reason: 'BadRequest',
      code: 400,
    });
  });
});
