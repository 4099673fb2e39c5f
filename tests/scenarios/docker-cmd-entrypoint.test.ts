import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'docker-cmd-entrypoint';

describe('docker-cmd-entrypoint lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['sleeper-pod', 'sleeper-pod-2'], score: '10/10' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['sleeper-pod-command', 'sleeper-pod-args', 'sleeper-pod-2-'])
      expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(1);
    expect(wrong.filter((f) => f.startsWith('wrong/sleeper-pod-2-')).length).toBeGreaterThanOrEqual(2);
  });

  it('fails the pod whose command names sleep2.0 as the runtime does: StartError, then RunContainerError', async () => {
    const transcript = await play(LAB, 'kubectl create -f ubuntu-sleeper-pod-3.yaml\nsleep 20\nkubectl describe pod ubuntu-sleeper-pod-3 | grep -A7 State:\n');
    expect(transcript).toBe(
      [
        '$ kubectl create -f ubuntu-sleeper-pod-3.yaml',
        'pod/ubuntu-sleeper-pod-3 created',
        '$ sleep 20',
        '$ kubectl describe pod ubuntu-sleeper-pod-3 | grep -A7 State:',
        '    State:          Waiting',
        '      Reason:       RunContainerError',
        '    Last State:     Terminated',
        '      Reason:       StartError',
        '      Message:      failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sleep2.0": executable file not found in $PATH: unknown',
        '      Exit Code:    128',
        '      Started:      Thu, 01 Jan 1970 00:00:00 +0000',
        '      Finished:     Sun, 22 Nov 2026 22:00:25 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
        '',
      ].join('\n'),
    );
  });

  it('runs a built image in a pod with imagePullPolicy Never, and refuses an absent one as the kubelet does', async () => {
    const transcript = await play(
      LAB,
      [
        'docker build -t my-sleeper -f docker/v2 docker > /dev/null 2>&1',
        'kubectl run built --image=my-sleeper --image-pull-policy=Never',
        'kubectl run absent --image=not-built --image-pull-policy=Never',
        'sleep 3',
        'kubectl get pods',
        'kubectl describe pod absent | grep ErrImageNeverPull',
        '',
      ].join('\n'),
    );
    expect(transcript).toBe(
      [
        '$ docker build -t my-sleeper -f docker/v2 docker > /dev/null 2>&1',
        '$ kubectl run built --image=my-sleeper --image-pull-policy=Never',
        'pod/built created',
        '$ kubectl run absent --image=not-built --image-pull-policy=Never',
        'pod/absent created',
        '$ sleep 3',
        '$ kubectl get pods',
        'NAME     READY   STATUS              RESTARTS   AGE',
        'absent   0/1     ErrImageNeverPull   0          3s',
        'built    1/1     Running             0          3s',
        '$ kubectl describe pod absent | grep ErrImageNeverPull',
        '      Reason:       ErrImageNeverPull',
        '  Warning  ErrImageNeverPull  2s (x2 over 2s)  kubelet            spec.containers{absent}: Container image "not-built" is not present with pull policy of Never',
        '  Warning  Failed             2s (x2 over 2s)  kubelet            spec.containers{absent}: Error: ErrImageNeverPull',
        '',
      ].join('\n'),
    );
  });
});
