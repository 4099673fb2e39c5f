/**
 * Resizing a running pod with our kubectl, as the v1.35 docs task "Resize CPU and Memory
 * Resources assigned to Containers" does it: patch and edit through --subresource resize.
 */
import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session.ts';
import { runLine } from '../../../tests/support/session.ts';

const RESIZE_DEMO = `apiVersion: v1
kind: Pod
metadata:
  name: resize-demo
spec:
  containers:
  - name: pause
    image: registry.k8s.io/pause:3.8
    resizePolicy:
    - resourceName: cpu
      restartPolicy: NotRequired
    - resourceName: memory
      restartPolicy: RestartContainer
    resources:
      limits:
        memory: "200Mi"
        cpu: "700m"
      requests:
        memory: "200Mi"
        cpu: "700m"
`;

async function sessionWithPod(edit?: (text: string) => string) {
  let session: Session | undefined;
  session = await Session.create({
    seed: 5,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    terminal: {
      editFile: async (path) => session!.fs.writeFile(path, (edit ?? ((t) => t))(session!.fs.readFile(path))),
    },
  });
  session.fs.writeFile('/root/pod-resize.yaml', RESIZE_DEMO);
  await runLine(session, 'kubectl create -f pod-resize.yaml');
  await runLine(session, 'sleep 20');
  return session;
}

const JSONPATH = `-o jsonpath='{.spec.containers[0].resources.limits}{" "}{.status.containerStatuses[0].resources.limits}{" "}{.status.containerStatuses[0].restartCount}{"\\n"}'`;

describe('kubectl resizing a pod', () => {
  it('patches cpu through --subresource resize without a restart', async () => {
    const session = await sessionWithPod();
    expect(
      await runLine(
        session,
        `kubectl patch pod resize-demo --subresource resize --patch '{"spec":{"containers":[{"name":"pause", "resources":{"requests":{"cpu":"800m"}, "limits":{"cpu":"800m"}}}]}}'`,
      ),
    ).toEqual({
      stdout: 'pod/resize-demo patched\n',
      stderr: '',
      code: 0,
    });
    await runLine(session, 'sleep 5');
    expect((await runLine(session, `kubectl get pod resize-demo ${JSONPATH}`)).stdout).toBe('{"cpu":"800m","memory":"200Mi"} {"cpu":"800m","memory":"200Mi"} 0\n');
  });

  it('refuses the same change without the subresource', async () => {
    const session = await sessionWithPod();
    const result = await runLine(
      session,
      `kubectl patch pod resize-demo --patch '{"spec":{"containers":[{"name":"pause", "resources":{"requests":{"cpu":"800m"}, "limits":{"cpu":"800m"}}}]}}'`,
    );
    expect({ ...result, stderr: result.stderr.split('\n')[0] }).toEqual({
      stdout: '',
      stderr:
        'The Pod "resize-demo" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      code: 1,
    });
  });

  it('refuses a resize that would change the QoS class', async () => {
    const session = await sessionWithPod();
    expect(
      await runLine(session, `kubectl patch pod resize-demo --subresource resize --patch '{"spec":{"containers":[{"name":"pause", "resources":{"requests":{"cpu":"500m"}}}]}}'`),
    ).toEqual({
      stdout: '',
      stderr: 'The Pod "resize-demo" is invalid: spec: Invalid value: "Guaranteed": Pod QOS Class may not change as a result of resizing\n',
      code: 1,
    });
  });

  it('edits memory through --subresource resize, restarting the container', async () => {
    const session = await sessionWithPod((text) => text.replaceAll('memory: 200Mi', 'memory: 300Mi'));
    expect(await runLine(session, 'kubectl edit pod resize-demo --subresource resize')).toEqual({ stdout: 'pod/resize-demo edited\n', stderr: '', code: 0 });
    await runLine(session, 'sleep 40');
    expect((await runLine(session, `kubectl get pod resize-demo ${JSONPATH}`)).stdout).toBe('{"cpu":"700m","memory":"300Mi"} {"cpu":"700m","memory":"300Mi"} 1\n');
  });

  it('gets one pod through a subresource, not a list', async () => {
    const session = await sessionWithPod();
    expect((await runLine(session, 'kubectl get pod resize-demo --subresource resize -o name')).stdout).toBe('pod/resize-demo\n');
    expect(await runLine(session, 'kubectl get pods --subresource status')).toEqual({
      stdout: '',
      stderr: 'error: subresource cannot be used when bulk resources are specified\n',
      code: 1,
    });
  });
});
