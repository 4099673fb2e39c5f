import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'rollout-control';
const STALL = ['kubectl apply -f kubia-deployment-v3-with-readinesscheck.yaml', 'sleep 20'];

describe('rollout-control lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['update-v2', 'canary-pause', 'resume', 'undo-to-revision', 'stalled-rollout', 'undo-stalled'], score: '11/11' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['update-v2-', 'canary-pause-', 'resume-', 'undo-to-revision-', 'stalled-', 'undo-stalled-'])
      expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the v3 pod out of the Service while the old pods serve every request', async () => {
    const transcript = await play(
      LAB,
      [...STALL, 'kubectl get pods -l app=kubia', 'for i in 1 2 3 4 5 6; do kubectl exec client -- wget -qO- -T 2 http://kubia; done', ''].join('\n'),
    );
    const rows = transcript.split('\n').filter((l) => l.startsWith('kubia-'));
    expect(rows.map((r) => r.split(/\s+/).slice(1, 3).join(' ')).sort()).toEqual(['0/1 Running', '1/1 Running', '1/1 Running', '1/1 Running']);
    expect(transcript.split('\n').filter((l) => l.startsWith('This is'))).toHaveLength(6);
    expect(transcript).not.toContain('This is v3');
    expect(transcript).not.toContain('Some internal error');
  });

  it('reports the progress deadline once the stalled rollout has made no progress for 10 minutes', async () => {
    const transcript = await play(
      LAB,
      [
        ...STALL,
        'kubectl rollout status deployment/kubia --timeout=1s',
        'sleep 600',
        'kubectl rollout status deployment/kubia',
        'kubectl get deploy kubia -o jsonpath=\'{.status.conditions[?(@.type=="Progressing")].reason}\'',
        '',
      ].join('\n'),
    );
    expect(transcript).toContain(
      [
        '$ kubectl rollout status deployment/kubia --timeout=1s',
        'Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...',
        'error: timed out waiting for the condition',
        '$ sleep 600',
        '$ kubectl rollout status deployment/kubia',
        'error: deployment "kubia" exceeded its progress deadline',
        `$ kubectl get deploy kubia -o jsonpath='{.status.conditions[?(@.type=="Progressing")].reason}'`,
        'ProgressDeadlineExceeded',
      ].join('\n'),
    );
  });

  it('keeps at most revisionHistoryLimit old ReplicaSets', async () => {
    const script = [
      'kubectl patch deployment kubia -p \'{"spec":{"revisionHistoryLimit":1,"minReadySeconds":0}}\'',
      ...['v2', 'v3', 'v4'].flatMap((v) => [`kubectl set image deployment/kubia nodejs=luksa/kubia:${v}`, 'kubectl rollout status deployment/kubia']),
      'kubectl rollout history deployment/kubia',
      '',
    ].join('\n');
    expect((await play(LAB, script)).split('$ kubectl rollout history deployment/kubia\n')[1]).toBe(
      'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n\n',
    );
  });
});
