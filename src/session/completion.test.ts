import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

describe('tab completion', async () => {
  const session = await newSession();
  await runLine(session, 'kubectl create deployment frontend --image=nginx');
  await runLine(session, 'echo x > /root/curl-test.sh');
  const cases: { line: string; candidates: string[] }[] = [
    { line: 'kube', candidates: ['kubectl'] },
    { line: 'kubectl ro', candidates: ['rollout'] },
    { line: 'kubectl rollout st', candidates: ['status'] },
    { line: 'kubectl get depl', candidates: ['deploy', 'deployments'] },
    { line: 'k describe deploy fr', candidates: ['frontend'] },
    { line: 'kubectl rollout status deployment/f', candidates: ['deployment/frontend'] },
    { line: 'bash curl', candidates: ['curl-test.sh'] },
  ];
  it.each(cases)('completes "$line"', async ({ line, candidates }) => {
    expect((await session.complete(line)).candidates).toEqual(candidates);
  });
});
