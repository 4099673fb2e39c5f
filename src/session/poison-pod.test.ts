import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

// Issue 10: a pod whose command is a regex that backtracks exponentially held the worker, and the
// kubelet ran it again on every restart. Every regex now runs on RE2.
describe('a pod running a catastrophic regex', () => {
  it('leaves the session answering', async () => {
    const session = await newSession();
    const started = Date.now();
    const created = await runLine(session, `kubectl run poison --image=busybox -- sh -c "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! | grep -E '(a+)+$'"`);
    expect(created).toEqual({ stdout: 'pod/poison created\n', stderr: '', code: 0 });
    await runLine(session, 'sleep 30');
    // grep found nothing and exited 1, so the container failed and the kubelet backs off restarting it.
    expect(await runLine(session, 'kubectl get pods')).toEqual({
      stdout: ['NAME     READY   STATUS             RESTARTS      AGE', 'poison   0/1     CrashLoopBackOff   2 (15s ago)   30s', ''].join('\n'),
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, 'kubectl logs poison')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
