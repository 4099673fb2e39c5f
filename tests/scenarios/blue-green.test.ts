import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'blue-green';

describe('blue-green lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['create-green', 'switch-to-green', 'rollback-to-blue'], score: '7/7' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['create-green-', 'switch-', 'rollback-']) expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('moves every request to green at once and back', async () => {
    const loop = 'for i in 1 2 3 4 5 6; do kubectl exec client -- curl -s http://hello/version; done';
    const script = [
      'kubectl create -f deployments/hello-green.yaml',
      'kubectl rollout status deployment/hello-green',
      loop,
      "kubectl set selector service hello 'app=hello,version=2.0.0'",
      loop,
      'kubectl apply -f services/hello-blue.yaml',
      loop,
      '',
    ].join('\n');
    const answers = (await play(LAB, script)).split('\n').filter((l) => l.startsWith('{'));
    expect(answers).toEqual([...Array(6).fill('{"version":"1.0.0"}'), ...Array(6).fill('{"version":"2.0.0"}'), ...Array(6).fill('{"version":"1.0.0"}')]);
  });

  it('logs the requests and probes as the hello app does', async () => {
    const transcript = await play(LAB, 'kubectl exec client -- curl -s http://hello/\nkubectl logs deploy/hello | head -4\n');
    expect(transcript).toMatch(
      /\$ kubectl exec client -- curl -s http:\/\/hello\/\n\{"message":"Hello"\}\n\$ kubectl logs deploy\/hello \| head -4\nFound 3 pods, using pod\/hello-\S+\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Starting server\.\.\.\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Health service listening on 0\.0\.0\.0:81\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d HTTP service listening on 0\.0\.0\.0:80\n/,
    );
  });
});
