import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

async function deployedTwice() {
  const session = await newSession(7);
  await runLine(session, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
  await runLine(session, 'kubectl rollout status deployment/web');
  await runLine(session, 'kubectl set image deployment/web nginx=nginx:1.26');
  await runLine(session, 'kubectl rollout status deployment/web');
  return session;
}

describe('kubectl rollout', () => {
  it('lists both revisions in history', async () => {
    const session = await deployedTwice();
    expect((await runLine(session, 'kubectl rollout history deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it('undoes to the previous template by reusing its ReplicaSet, which becomes revision 3', async () => {
    const session = await deployedTwice();
    const before = (await runLine(session, 'kubectl get rs -o name')).stdout;
    expect((await runLine(session, 'kubectl rollout undo deployment/web')).stdout).toBe('deployment.apps/web rolled back\n');
    await runLine(session, 'kubectl rollout status deployment/web');
    expect((await runLine(session, 'kubectl get rs -o name')).stdout).toBe(before);
    expect((await runLine(session, 'kubectl rollout history deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect((await runLine(session, 'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('nginx:1.25');
  });

  it('refuses unknown revisions and paused deployments with kubectl wording', async () => {
    const session = await deployedTwice();
    expect((await runLine(session, 'kubectl rollout undo deployment/web --to-revision=9')).stderr).toBe('error: unable to find specified revision 9 in history\n');
    expect((await runLine(session, 'kubectl rollout pause deployment/web')).stdout).toBe('deployment.apps/web paused\n');
    expect((await runLine(session, 'kubectl rollout pause deployment/web')).stderr).toBe('error: deployments.apps "web" is already paused\n');
    expect((await runLine(session, 'kubectl rollout undo deployment/web')).stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
    expect((await runLine(session, 'kubectl rollout resume deployment/web')).stdout).toBe('deployment.apps/web resumed\n');
  });

  it('reports a missing deployment as the server does', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl rollout status deployment/nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
  });
});
