import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'environment-variables';

describe('environment-variables lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['green', 'config-map', 'config-map-env'], score: '8/8' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['green-', 'config-map-', 'config-map-env-']) expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('shows a missing ConfigMap key as the kubelet reports it', async () => {
    const transcript = await play(
      LAB,
      [
        'kubectl create configmap webapp-config-map --from-literal=APP_COLOR=darkblue',
        `kubectl run bad --image=kodekloud/webapp-color --dry-run=client -o yaml > bad.yaml`,
        `sed -i 's/resources: {}/env: [{name: APP_COLOR, valueFrom: {configMapKeyRef: {name: webapp-config-map, key: APP_COLOUR}}}]/' bad.yaml`,
        'kubectl create -f bad.yaml',
        'sleep 20',
        'kubectl get pod bad',
        'kubectl get events --field-selector involvedObject.name=bad,reason=Failed -o custom-columns=MESSAGE:.message',
        '',
      ].join('\n'),
    );
    expect(transcript.split('\n').slice(-6)).toEqual([
      'NAME   READY   STATUS                       RESTARTS   AGE',
      'bad    0/1     CreateContainerConfigError   0          20s',
      '$ kubectl get events --field-selector involvedObject.name=bad,reason=Failed -o custom-columns=MESSAGE:.message',
      'MESSAGE',
      "Error: couldn't find key APP_COLOUR in ConfigMap default/webapp-config-map",
      '',
    ]);
  });
});
