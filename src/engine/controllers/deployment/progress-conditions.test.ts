import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

// The Progressing condition as pkg/controller/deployment/progress.go sets it, read with jsonpath.
const CONDITION = `kubectl get deploy web -o jsonpath='{range .status.conditions[?(@.type=="Progressing")]}{.status} {.reason}: {.message}{end}'`;

describe('the Progressing condition', () => {
  it.each([
    {
      name: 'a rollout that completes',
      lines: ['kubectl create deployment web --image=nginx', 'sleep 30'],
      condition: /^True NewReplicaSetAvailable: ReplicaSet "web-[a-z0-9]+" has successfully progressed\.$/,
    },
    {
      name: 'a rollout past its progress deadline (ProgressDeadlineExceeded)',
      lines: ['kubectl create deployment web --image=nginx:no-such-tag', 'kubectl patch deploy web -p \'{"spec":{"progressDeadlineSeconds":20}}\'', 'sleep 40'],
      condition: /^False ProgressDeadlineExceeded: ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/,
    },
    {
      name: 'a paused deployment (DeploymentPaused)',
      lines: ['kubectl create deployment web --image=nginx', 'sleep 30', 'kubectl rollout pause deploy/web', 'sleep 1'],
      condition: /^Unknown DeploymentPaused: Deployment is paused$/,
    },
  ])('$name', async ({ lines, condition }) => {
    const session = await newSession();
    for (const line of lines) await runLine(session, line);
    expect((await runLine(session, CONDITION)).stdout).toMatch(condition);
  });

  it('makes rollout status fail once the deadline has passed', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl create deployment web --image=nginx:no-such-tag');
    await runLine(session, 'kubectl patch deploy web -p \'{"spec":{"progressDeadlineSeconds":20}}\'');
    await runLine(session, 'sleep 40');
    expect(await runLine(session, 'kubectl rollout status deploy/web')).toEqual({ stdout: '', stderr: 'error: deployment "web" exceeded its progress deadline\n', code: 1 });
  });
});
