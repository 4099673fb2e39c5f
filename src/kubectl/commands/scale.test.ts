import { beforeAll, describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

describe('kubectl scale', () => {
  // The first session of a process builds kube-system once: not part of what each case waits for.
  beforeAll(() => newSession(), 60_000);

  it.each([
    {
      name: 'a negative count',
      line: 'kubectl scale deployment web --replicas=-1',
      stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    },
    { name: 'no count at all', line: 'kubectl scale deployment web', stderr: 'error: required flag(s) "replicas" not set\n' },
    { name: 'an unexpected current count', line: 'kubectl scale deployment web --current-replicas=3 --replicas=5', stderr: 'error: Expected replicas to be 3, was 1\n' },
  ])('refuses $name before changing anything', async ({ line, stderr }) => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx');
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr, code: 1 });
    expect((await runLine(session, 'kubectl get deploy web -o jsonpath={.spec.replicas}')).stdout).toBe('1');
  });

  it('scales through the scale subresource', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx');
    expect((await runLine(session, 'kubectl scale deployment/web --replicas=2')).stdout).toBe('deployment.apps/web scaled\n');
    expect((await runLine(session, 'kubectl get deploy web -o jsonpath={.spec.replicas}')).stdout).toBe('2');
  });

  it('waits with --timeout until the scale reports the new count', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx');
    expect(await runLine(session, 'kubectl scale deploy web --replicas=3 --timeout=1m')).toEqual({ stdout: 'deployment.apps/web scaled\n', stderr: '', code: 0 });
    expect((await runLine(session, 'kubectl get deploy web -o jsonpath={.status.replicas}')).stdout).toBe('3');
  });

  it('prints the object as it was read, before the new count', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx');
    expect((await runLine(session, 'kubectl scale deploy web --replicas=3 -o jsonpath={.spec.replicas}')).stdout).toBe('1');
    expect((await runLine(session, 'kubectl get deploy web -o jsonpath={.spec.replicas}')).stdout).toBe('3');
  });
});
