import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { newSession, runLine } from '../../../../tests/support/session.ts';
import { deploymentRevision } from './undo.ts';

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
    expect((await runLine(session, 'kubectl rollout undo deployment/web')).stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    expect((await runLine(session, 'kubectl rollout resume deployment/web')).stdout).toBe('deployment.apps/web resumed\n');
  });

  it('describes scaled-down ReplicaSets among the old ones, oldest first', async () => {
    const session = await deployedTwice();
    const sets = JSON.parse((await runLine(session, 'kubectl get rs -o json')).stdout).items as ReplicaSet[];
    const first = sets.find((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '1')!.metadata!.name;
    const describe = (await runLine(session, 'kubectl describe deploy web')).stdout;
    expect(describe.split('\n').find((l) => l.startsWith('OldReplicaSets:'))).toBe(`OldReplicaSets:  ${first} (0/0 replicas created)`);
  });

  it('reports a missing deployment as the server does', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl rollout status deployment/nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      code: 1,
    });
  });

  it('shows a revision with its ReplicaSet template, pod-template-hash included', async () => {
    const session = await deployedTwice();
    const sets = JSON.parse((await runLine(session, 'kubectl get rs -o json')).stdout).items as ReplicaSet[];
    const hash = sets.find((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '1')?.metadata?.labels?.['pod-template-hash'];
    expect((await runLine(session, 'kubectl rollout history deployment/web --revision=1')).stdout).toBe(
      `deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=${hash}\n  Containers:\n   nginx:\n    Image:\tnginx:1.25\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n`,
    );
  });

  it('changes nothing on a server dry run and prints the target template on a client one', async () => {
    const session = await deployedTwice();
    expect((await runLine(session, 'kubectl rollout undo deployment/web --dry-run=server')).stdout).toBe('deployment.apps/web rolled back (server dry run)\n');
    const client = (await runLine(session, 'kubectl rollout undo deployment/web --dry-run=client')).stdout;
    expect(client.startsWith('deployment.apps/web Pod Template:\n  Labels:\tapp=web\n')).toBe(true);
    expect(client.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true);
    expect((await runLine(session, 'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('nginx:1.26');
  });
});

describe('deploymentRevision', () => {
  const rs = (name: string, revision?: string): ReplicaSet => ({ metadata: { name, ...(revision ? { annotations: { 'deployment.kubernetes.io/revision': revision } } : {}) } });
  const sets = [rs('a', '3'), rs('b', '10'), rs('c'), rs('d', '7')];
  it.each([
    { name: 'previous is the second-newest revision', toRevision: 0, want: 'd' },
    { name: 'an explicit revision', toRevision: 3, want: 'a' },
  ])('$name', ({ toRevision, want }) => {
    expect(deploymentRevision('web', sets, toRevision).metadata?.name).toBe(want);
  });
  it.each([
    { name: 'a missing revision', sets, toRevision: 4, error: 'unable to find specified revision 4 in history' },
    { name: 'a single revision', sets: [rs('a', '1')], toRevision: 0, error: 'no rollout history found for deployment "web"' },
  ])('refuses $name', ({ sets: given, toRevision, error }) => {
    expect(() => deploymentRevision('web', given, toRevision)).toThrow(error);
  });
});
