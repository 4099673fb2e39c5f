import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

describe('kubectl label and logs', () => {
  it('labels, refuses to overwrite without --overwrite, and unlabels', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=nginx');
    expect((await runLine(session, 'kubectl label pod web tier=front')).stdout).toBe('pod/web labeled\n');
    expect((await runLine(session, 'kubectl label pod web tier=back')).stderr).toBe("error: 'tier' already has a value (front), and --overwrite is false\n");
    expect((await runLine(session, 'kubectl label pod web tier=back --overwrite')).stdout).toBe('pod/web labeled\n');
    expect((await runLine(session, 'kubectl get pod web --show-labels --no-headers')).stdout).toMatch(/run=web,tier=back\n$/);
    expect((await runLine(session, 'kubectl label pod web tier-')).stdout).toBe('pod/web unlabeled\n');
  });

  it('prints what a container wrote, and says when it has not started', async () => {
    const session = await newSession();
    await runLine(session, "kubectl run hello --image=busybox --restart=Never -- sh -c 'echo hello from the pod'");
    expect((await runLine(session, 'kubectl logs hello')).stderr).toBe('Error from server (BadRequest): container "hello" in pod "hello" is waiting to start: ContainerCreating\n');
    await runLine(session, 'sleep 10');
    expect(await runLine(session, 'kubectl logs hello')).toEqual({ stdout: 'hello from the pod\n', stderr: '', code: 0 });
    expect((await runLine(session, 'kubectl get pod hello --no-headers')).stdout).toMatch(/^hello\s+0\/1\s+Completed\s+0\s+10s\n$/);
  });
});
