import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';
import { createInterrupt } from '../../shell/shell.ts';

describe('kubectl get -w', () => {
  it('prints the normal columns, then a line per change with columns widened as cells grow, until Ctrl-C', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=nginx');
    await session.cluster.pump.advance(60_000);
    let out = '';
    const interrupt = createInterrupt();
    const running = session.run('kubectl get pods -w', { stdout: { write: (t) => (out += t) }, stderr: { write: (t) => (out += t) }, interrupt });
    await session.cluster.pump.advance(1000);
    await runLine(session, 'kubectl delete pod web --wait=false');
    await session.cluster.pump.advance(1000);
    interrupt.fire();
    expect(await running).toBe(130);
    expect(out).toBe(
      [
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   0          60s',
        'web    1/1     Terminating   0          61s',
        'web    0/1     Terminating   0          61s',
        '',
      ].join('\n'),
    );
  });
});
