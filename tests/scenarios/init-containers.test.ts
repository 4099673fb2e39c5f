import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'init-containers';
const FIRST_ANSWERS = [
  '@answer pod-with-init blue',
  '@answer init-image busybox',
  '@answer init-state Terminated',
  '@answer init-terminated-why The process completed successfully',
];

describe('init-containers lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['red-init-container', 'fix-orange'], score: '9/9' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['red-', 'orange-']) expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('creates purple only when its question is reached, and keeps it initialising for 30 minutes', async () => {
    const script = ['kubectl get pods', ...FIRST_ANSWERS, 'kubectl get pods purple', 'sleep 603', 'kubectl get pods purple', 'sleep 1210', 'kubectl get pods purple', ''].join(
      '\n',
    );
    expect(await play(LAB, script)).toBe(
      [
        '$ kubectl get pods',
        'NAME    READY   STATUS    RESTARTS   AGE',
        'blue    1/1     Running   0          60s',
        'green   2/2     Running   0          60s',
        'red     1/1     Running   0          60s',
        ...FIRST_ANSWERS,
        '$ kubectl get pods purple',
        'NAME     READY   STATUS     RESTARTS   AGE',
        'purple   0/1     Init:0/2   0          0s',
        '$ sleep 603',
        '$ kubectl get pods purple',
        'NAME     READY   STATUS     RESTARTS   AGE',
        'purple   0/1     Init:1/2   0          10m',
        '$ sleep 1210',
        '$ kubectl get pods purple',
        'NAME     READY   STATUS    RESTARTS   AGE',
        'purple   1/1     Running   0          30m',
        '',
      ].join('\n'),
    );
  });

  it('re-creates red with its init container: Init:0/1, then Running once the sleep is over', async () => {
    const transcript = await play(LAB, readFileSync(`labs/${LAB}/solution.sh`, 'utf8'));
    expect(transcript).toContain(['$ kubectl get pod red', 'NAME   READY   STATUS     RESTARTS   AGE', 'red    0/1     Init:0/1   0          2s'].join('\n'));
    expect(transcript).toContain(['$ kubectl get pod red', 'NAME   READY   STATUS    RESTARTS   AGE', 'red    1/1     Running   0          27s'].join('\n'));
  });

  it('shows why orange is broken as the real cluster does', async () => {
    const script = [
      '@check fix-orange',
      'sleep 600',
      'kubectl logs orange',
      'kubectl logs orange -c init-myservice',
      "kubectl get pod orange -o jsonpath='{.status.initContainerStatuses[0].state.waiting.message}'",
      '',
    ].join('\n');
    const transcript = await play(LAB, script);
    expect(transcript.split('\n').slice(3).join('\n')).toMatch(
      new RegExp(
        [
          '^\\$ kubectl logs orange',
          'Defaulted container "orange-container" out of: orange-container, init-myservice \\(init\\)',
          'Error from server \\(BadRequest\\): container "orange-container" in pod "orange" is waiting to start: PodInitializing',
          '\\$ kubectl logs orange -c init-myservice',
          'sh: sleeeep: not found',
          "\\$ kubectl get pod orange -o jsonpath='\\{\\.status\\.initContainerStatuses\\[0\\]\\.state\\.waiting\\.message\\}'",
          'back-off 5m0s restarting failed container=init-myservice pod=orange_default\\([0-9a-f-]{36}\\)\\n$',
        ].join('\\n'),
      ),
    );
  });
});
