import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'canary';

describe('canary lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['canary-share', 'promote', 'delete-v1'], score: '6/6' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['canary-', 'promote-', 'delete-v1-']) expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('sends less than 20 % of a curl loop to the single canary pod', async () => {
    const script = [
      '@check canary-share',
      'kubectl scale deployment frontend-v2 --replicas=1',
      'kubectl rollout status deployment/frontend-v2',
      'sleep 5',
      './curl-test.sh',
      '',
    ].join('\n');
    const answers = (await play(LAB, script)).split('\n').filter((l) => l.startsWith('Hello') || l === 'Failed');
    expect(answers).toHaveLength(30);
    expect(answers.filter((a) => a === 'Hello, Application Version: v2').length).toBe(5);
    expect(answers.filter((a) => a === 'Hello, Application Version: v1').length).toBe(25);
  });
});
