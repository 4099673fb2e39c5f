import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

describe('kubectl wait on the virtual clock', () => {
  it('waits until a new pod is Ready', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=nginx');
    expect(await runLine(session, 'kubectl wait --for=condition=Ready pod/web --timeout=60s')).toEqual({ stdout: 'pod/web condition met\n', stderr: '', code: 0 });
  });

  it('times out after --timeout of cluster time', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=nginx');
    const started = session.cluster.clock.now();
    expect(await runLine(session, 'kubectl wait --for=jsonpath={.status.phase}=Failed pod/web --timeout=5s')).toEqual({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on pods/web\n',
      code: 1,
    });
    expect(session.cluster.clock.now() - started).toBeGreaterThanOrEqual(5000);
  });

  it('takes an object already gone as deleted, silently', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=nginx');
    await runLine(session, 'kubectl wait --for=condition=Ready pod/web');
    await runLine(session, 'kubectl delete pod web --wait=false');
    expect(await runLine(session, 'kubectl wait --for=delete pod/web --timeout=60s')).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('reports every object that timed out once the deadline passed', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run a --image=nginx');
    await runLine(session, 'kubectl run b --image=nginx');
    expect(await runLine(session, 'kubectl wait --for=jsonpath={.status.phase}=Failed pods --all --timeout=3s')).toEqual({
      stdout: '',
      stderr: 'timed out waiting for the condition on pods/a\ntimed out waiting for the condition on pods/b\n',
      code: 1,
    });
  });
});
