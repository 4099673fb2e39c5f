import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'commands-and-arguments';

describe('commands-and-arguments lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['sleeper-2', 'sleeper-3', 'sleeper-3-2000', 'webapp-green'], score: '10/10' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['sleeper-2-', 'sleeper-3-', 'webapp-green-']) expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('shows the starting pod and files as the real lab does', async () => {
    const transcript = await play(LAB, 'ls\nkubectl get pods\nkubectl describe pod ubuntu-sleeper | grep -A2 Command\n');
    expect(transcript).toBe(
      [
        '$ ls',
        // GNU ls 9.1 at the CLI's 80 columns: the real lab's wider terminal fits them on one line.
        'sample.yaml\t       ubuntu-sleeper-3.yaml  webapp-color-2',
        'ubuntu-sleeper-2.yaml  webapp-color\t      webapp-color-3',
        '$ kubectl get pods',
        'NAME             READY   STATUS    RESTARTS   AGE',
        'ubuntu-sleeper   1/1     Running   0          60s',
        '$ kubectl describe pod ubuntu-sleeper | grep -A2 Command',
        '    Command:',
        '      sleep',
        '      4800',
        '',
      ].join('\n'),
    );
  });

  it('refuses the manifest whose command holds a number with the API server’s decoding error', async () => {
    expect(await play(LAB, 'kubectl create -f ubuntu-sleeper-3.yaml\n')).toBe(
      '$ kubectl create -f ubuntu-sleeper-3.yaml\nError from server (BadRequest): error when creating "ubuntu-sleeper-3.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string\n',
    );
  });

  it('fails to start the webapp-color-2 pod: its command replaced the ENTRYPOINT', async () => {
    const transcript = await play(LAB, 'kubectl create -f webapp-color-2/webapp-color-pod.yaml\nsleep 20\nkubectl describe pod webapp-green | grep -A7 State:\n');
    expect(transcript).toBe(
      [
        '$ kubectl create -f webapp-color-2/webapp-color-pod.yaml',
        'pod/webapp-green created',
        '$ sleep 20',
        '$ kubectl describe pod webapp-green | grep -A7 State:',
        '    State:          Waiting',
        '      Reason:       RunContainerError',
        '    Last State:     Terminated',
        '      Reason:       StartError',
        '      Message:      failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "--color": executable file not found in $PATH: unknown',
        '      Exit Code:    128',
        '      Started:      Thu, 01 Jan 1970 00:00:00 +0000',
        '      Finished:     Sun, 22 Nov 2026 22:01:19 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
        '',
      ].join('\n'),
    );
  });
  it("words a script's syntax error as the image's sh does: busybox ash in kubectl logs, dash in kubectl exec on Ubuntu", async () => {
    const transcript = await play(
      LAB,
      [
        `kubectl run counter --image=busybox --restart=Never -- sh -c 'echo start`,
        'for i in 1 2 3; do',
        '  echo $i',
        `'`,
        'sleep 10',
        'kubectl logs counter',
        'kubectl get pod counter',
        `kubectl exec ubuntu-sleeper -- sh -c 'if [ -f /etc/hostname ] then echo yes; fi'`,
        '',
      ].join('\n'),
    );
    expect(transcript).toBe(
      [
        `$ kubectl run counter --image=busybox --restart=Never -- sh -c 'echo start`,
        '> for i in 1 2 3; do',
        '>   echo $i',
        `> '`,
        'pod/counter created',
        '$ sleep 10',
        // The lines before the unfinished loop ran; the script then ended with status 2.
        '$ kubectl logs counter',
        'start',
        'sh: syntax error: unexpected end of file (expecting "done")',
        '$ kubectl get pod counter',
        'NAME      READY   STATUS   RESTARTS   AGE',
        'counter   0/1     Error    0          10s',
        `$ kubectl exec ubuntu-sleeper -- sh -c 'if [ -f /etc/hostname ] then echo yes; fi'`,
        'sh: 1: Syntax error: "fi" unexpected (expecting "then")',
        'command terminated with exit code 2',
        '',
      ].join('\n'),
    );
  });
});
