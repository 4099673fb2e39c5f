import { beforeAll, describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

describe('kubectl delete', () => {
  // The first session of a process builds kube-system once: not part of what each case waits for.
  beforeAll(() => newSession(), 60_000);

  it.each([
    { name: 'server dry run', flag: '--dry-run=server', stdout: 'deployment.apps "web" deleted from default namespace (server dry run)\n' },
    { name: 'client dry run', flag: '--dry-run=client', stdout: 'deployment.apps "web" deleted from default namespace (dry run)\n' },
  ])('keeps the object on a $name', async ({ flag, stdout }) => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx');
    expect(await runLine(session, `kubectl delete deploy web ${flag}`)).toEqual({ stdout, stderr: '', code: 0 });
    expect((await runLine(session, 'kubectl get deploy -o name')).stdout).toBe('deployment.apps/web\n');
  });

  it('refuses an unknown dry-run strategy', async () => {
    const session = await newSession();
    expect((await runLine(session, 'kubectl delete deploy web --dry-run=maybe')).stderr).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
  });

  it('says on stdout that a selector matched nothing', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl delete pods -l name=nothing')).toEqual({ stdout: 'No resources found\n', stderr: '', code: 0 });
  });

  // Expected outputs: the real kubectl v1.35.2, its stdin a pipe, against a served cluster.
  it.each([
    { name: 'n cancels', line: 'echo n | kubectl delete pod web -i', deleted: false, tail: 'deletion is cancelled\n' },
    { name: 'y deletes', line: "printf 'y\\n' | kubectl delete pod web -i --wait=false", deleted: true, tail: 'pod "web" deleted from default namespace\n' },
    { name: 'two words cancel', line: "printf 'y y\\n' | kubectl delete pod web -i", deleted: false, tail: 'deletion is cancelled\n' },
    { name: 'no answer cancels', line: "printf '' | kubectl delete pod web -i", deleted: false, tail: 'deletion is cancelled\n' },
  ])('--interactive: $name', async ({ line, deleted, tail }) => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=nginx');
    const confirm = 'You are about to delete the following 1 resource(s):\npod/web\nDo you want to continue? (y/N): ';
    expect(await runLine(session, line)).toEqual({ stdout: confirm + tail, stderr: '', code: 0 });
    expect((await runLine(session, 'kubectl get pods -o name')).stdout).toBe(deleted ? '' : 'pod/web\n');
  });

  it('--interactive with nothing selected', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl delete pods -l nothing=here -i')).toEqual({ stdout: 'No resources found\n', stderr: '', code: 0 });
  });

  it('--timeout ends the wait for a pod that outlives it', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run slow --image=busybox -- sh -c \'trap "" TERM; sleep 3600\'');
    await session.cluster.pump.advance(30_000);
    expect(await runLine(session, 'kubectl delete pod slow --timeout=5s')).toEqual({
      stdout: 'pod "slow" deleted from default namespace\n',
      stderr: 'error: timed out waiting for the condition on pods/slow\n',
      code: 1,
    });
  });
});
