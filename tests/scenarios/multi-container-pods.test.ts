import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'multi-container-pods';

describe('multi-container-pods lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['yellow', 'sidecar'], score: '6/6' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['yellow-', 'sidecar-']) expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('starts with the pods and services the questions are about', async () => {
    expect(await play(LAB, 'kubectl get pods\nkubectl -n elastic-stack get svc -o name\n')).toBe(
      [
        '$ kubectl get pods',
        'NAME        READY   STATUS    RESTARTS   AGE',
        'app         1/1     Running   0          10s',
        'blue        2/2     Running   0          10s',
        'fluent-ui   1/1     Running   0          10s',
        'red         3/3     Running   0          10s',
        '$ kubectl -n elastic-stack get svc -o name',
        'service/elasticsearch',
        'service/kibana',
        '',
      ].join('\n'),
    );
  });

  it('shows the app log through logs and exec, and refuses the old exec syntax as kubectl v1.32 does', async () => {
    const transcript = await play(
      LAB,
      [
        'sleep 10',
        'kubectl -n elastic-stack logs app | grep -m 1 USER5',
        'kubectl -n elastic-stack exec -it app -- grep -c USER5 /log/app.log',
        'kubectl -n elastic-stack exec -it app cat /log/app.log',
        '',
      ].join('\n'),
    );
    expect(transcript).toBe(
      [
        '$ sleep 10',
        '$ kubectl -n elastic-stack logs app | grep -m 1 USER5',
        '[2026-11-22 22:00:07,734] WARNING in event-simulator: USER5 Failed to Login as the account is locked due to MANY FAILED ATTEMPTS.',
        '$ kubectl -n elastic-stack exec -it app -- grep -c USER5 /log/app.log',
        '3',
        '$ kubectl -n elastic-stack exec -it app cat /log/app.log',
        'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
        "See 'kubectl exec -h' for help and examples",
        '',
      ].join('\n'),
    );
  });

  it('ships the app log to Elasticsearch once the sidecar runs, and defaults logs to the app container', async () => {
    const transcript = await play(LAB, readFileSync(`labs/${LAB}/solution.sh`, 'utf8'));
    expect(transcript).toContain(['$ kubectl -n elastic-stack get pod app', 'NAME   READY   STATUS    RESTARTS   AGE', 'app    2/2     Running   0          20s'].join('\n'));
    expect(transcript).toMatch(
      /\$ kubectl logs app -n elastic-stack \| head -2\nDefaulted container "app" out of: app, sidecar\n\[2026-11-22 22:\d\d:\d\d,\d{3}\] INFO in event-simulator: /,
    );
    expect(transcript).toMatch(/\$ curl -s http:\/\/controlplane:30200\/_cat\/indices \| grep filebeat\nyellow open filebeat-6\.4\.2-2026\.11\.22 \S+ 3 1 \d+ 0 /);
  });
});
