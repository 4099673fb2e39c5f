import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

describe('kubectl delete', () => {
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
});
