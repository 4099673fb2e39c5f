import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const MIN = 60_000;

function pod(name: string, spec: Record<string, unknown>): KubeObject {
  return { kind: 'Pod', metadata: { name }, spec } as KubeObject;
}

const busybox = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: 'busybox', ...extra });

// Each case: a pod, how long to watch it, and the distinct `READY STATUS RESTARTS` rows
// `kubectl get pods` shows meanwhile (the first ones; later rows repeat the crash loop).
const cases: { name: string; pod: KubeObject; watchMs: number; rows: string[]; phase: string }[] = [
  {
    name: 'a long-running command: ContainerCreating, then Running',
    pod: pod('sleeper', { containers: [busybox('c', { command: ['sleep', '4800'] })] }),
    watchMs: 30_000,
    rows: ['0/1 ContainerCreating 0', '1/1 Running 0'],
    phase: 'Running',
  },
  {
    name: 'busybox with no command (sh, no TTY) exits 0 under Always: Completed, then CrashLoopBackOff',
    pod: pod('lemon', { containers: [busybox('lemon')] }),
    watchMs: 40_000,
    rows: ['0/1 ContainerCreating 0', '0/1 Completed 0', '0/1 Completed 1', '0/1 CrashLoopBackOff 1', '0/1 Completed 2', '0/1 CrashLoopBackOff 2'],
    phase: 'Running',
  },
  {
    name: 'busybox sh with stdin and a TTY (kubectl run -it) keeps running',
    pod: pod('interactive', { containers: [busybox('interactive', { stdin: true, tty: true })] }),
    watchMs: 30_000,
    rows: ['0/1 ContainerCreating 0', '1/1 Running 0'],
    phase: 'Running',
  },
  {
    name: 'exit 0 under Never: Completed, Succeeded',
    pod: pod('once', { restartPolicy: 'Never', containers: [busybox('c', { command: ['sh', '-c', 'echo done'] })] }),
    watchMs: 20_000,
    rows: ['0/1 ContainerCreating 0', '0/1 Completed 0'],
    phase: 'Succeeded',
  },
  {
    name: 'exit 1 under Never: Error, Failed',
    pod: pod('fails', { restartPolicy: 'Never', containers: [busybox('c', { command: ['sh', '-c', 'exit 1'] })] }),
    watchMs: 20_000,
    rows: ['0/1 ContainerCreating 0', '0/1 Error 0'],
    phase: 'Failed',
  },
  {
    name: 'exit 0 under OnFailure: Completed, not restarted',
    pod: pod('job-like', { restartPolicy: 'OnFailure', containers: [busybox('c', { command: ['true'] })] }),
    watchMs: 30_000,
    rows: ['0/1 ContainerCreating 0', '0/1 Completed 0'],
    phase: 'Succeeded',
  },
  {
    name: 'exit 3 under OnFailure: Error, restarted with back-off',
    pod: pod('retry', { restartPolicy: 'OnFailure', containers: [busybox('c', { command: ['sh', '-c', 'exit 3'] })] }),
    watchMs: 40_000,
    rows: ['0/1 ContainerCreating 0', '0/1 Error 0', '0/1 Error 1', '0/1 CrashLoopBackOff 1', '0/1 Error 2', '0/1 CrashLoopBackOff 2'],
    phase: 'Running',
  },
  {
    name: 'a command not in the image: RunContainerError (StartError), then CrashLoopBackOff',
    pod: pod('typo', { containers: [busybox('c', { command: ['sleeeep', '2'] })] }),
    watchMs: 40_000,
    rows: ['0/1 ContainerCreating 0', '0/1 RunContainerError 0', '0/1 RunContainerError 1', '0/1 CrashLoopBackOff 1', '0/1 RunContainerError 2', '0/1 CrashLoopBackOff 2'],
    phase: 'Running',
  },
  {
    name: 'a typo run through sh: exit 127, Error',
    pod: pod('sh-typo', { containers: [busybox('c', { command: ['sh', '-c', 'sleeeep 2;'] })] }),
    watchMs: 8_000,
    rows: ['0/1 ContainerCreating 0', '0/1 Error 0', '0/1 Error 1', '0/1 CrashLoopBackOff 1'],
    phase: 'Running',
  },
  {
    name: 'an image no registry has: ErrImagePull, then ImagePullBackOff',
    pod: pod('agent', { containers: [{ name: 'c', image: 'agentx' }] }),
    watchMs: 50_000,
    rows: ['0/1 ContainerCreating 0', '0/1 ErrImagePull 0', '0/1 ImagePullBackOff 0', '0/1 ErrImagePull 0', '0/1 ImagePullBackOff 0'],
    phase: 'Pending',
  },
  {
    name: 'imagePullPolicy Never with the image not on the node: ErrImageNeverPull',
    pod: pod('never-pull', { containers: [{ name: 'c', image: 'my-app:1.0', imagePullPolicy: 'Never' }] }),
    watchMs: 20_000,
    rows: ['0/1 ContainerCreating 0', '0/1 ErrImageNeverPull 0'],
    phase: 'Pending',
  },
  {
    name: 'the preloaded ubuntu-sleeper with pull policy Never sleeps its CMD (5 s), then Completed',
    pod: pod('sleeper', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'ubuntu-sleeper', imagePullPolicy: 'Never' }] }),
    watchMs: 20_000,
    rows: ['0/1 ContainerCreating 0', '1/1 Running 0', '0/1 Completed 0'],
    phase: 'Succeeded',
  },
  {
    name: 'ubuntu-sleeper with the default policy (Always, untagged) cannot be pulled',
    pod: pod('sleeper-pull', { containers: [{ name: 'c', image: 'ubuntu-sleeper' }] }),
    watchMs: 25_000,
    rows: ['0/1 ContainerCreating 0', '0/1 ErrImagePull 0', '0/1 ImagePullBackOff 0'],
    phase: 'Pending',
  },
  {
    name: 'two init containers: Init:0/2, Init:1/2, PodInitializing, Running',
    pod: pod('purple', {
      initContainers: [
        busybox('warm-up-1', { image: 'busybox:1.28', command: ['sh', '-c', 'sleep 6'] }),
        busybox('warm-up-2', { image: 'busybox:1.28', command: ['sh', '-c', 'sleep 12'] }),
      ],
      containers: [{ name: 'purple-container', image: 'redis' }],
    }),
    watchMs: 40_000,
    rows: ['0/1 Init:0/2 0', '0/1 Init:1/2 0', '0/1 PodInitializing 0', '1/1 Running 0'],
    phase: 'Running',
  },
  {
    name: 'a failing init container under Always: Init:Error, then Init:CrashLoopBackOff',
    pod: pod('orange', {
      initContainers: [busybox('init-myservice', { imagePullPolicy: 'Always', command: ['sh', '-c', 'sleeeep 2;'] })],
      containers: [busybox('orange-container', { image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] })],
    }),
    watchMs: 40_000,
    rows: ['0/1 Init:0/1 0', '0/1 Init:Error 0', '0/1 Init:Error 1', '0/1 Init:CrashLoopBackOff 1', '0/1 Init:Error 2', '0/1 Init:CrashLoopBackOff 2'],
    phase: 'Pending',
  },
  {
    name: 'a failing init container under Never: Init:Error, Failed',
    pod: pod('never-init', {
      restartPolicy: 'Never',
      initContainers: [busybox('init', { command: ['sh', '-c', 'exit 2'] })],
      containers: [busybox('app', { command: ['sleep', '100'] })],
    }),
    watchMs: 20_000,
    rows: ['0/1 Init:0/1 0', '0/1 Init:Error 0'],
    phase: 'Failed',
  },
  {
    name: 'a native sidecar starts first, stays up and counts in READY',
    pod: pod('with-sidecar', {
      initContainers: [busybox('sidecar', { restartPolicy: 'Always', command: ['sleep', '3600'] })],
      containers: [{ name: 'app', image: 'redis' }],
    }),
    watchMs: 30_000,
    rows: ['0/2 Init:0/1 0', '1/2 PodInitializing 0', '2/2 Running 0'],
    phase: 'Running',
  },
  {
    name: 'a crashing native sidecar restarts with back-off while the app runs',
    pod: pod('crashing-sidecar', {
      initContainers: [busybox('sidecar', { restartPolicy: 'Always', command: ['sh', '-c', 'sleep 5; exit 1'] })],
      containers: [busybox('app', { image: 'busybox:1.28', command: ['sleep', '3600'] })],
    }),
    watchMs: 30_000,
    rows: ['0/2 Init:0/1 0', '1/2 PodInitializing 0', '2/2 Running 0', '1/2 Init:Error 0', '2/2 Running 1', '1/2 Init:Error 1', '1/2 Init:CrashLoopBackOff 1'],
    phase: 'Running',
  },
];

describe('PodWorker: what kubectl get pods shows as containers run', () => {
  it.each(cases)('$name', async ({ pod: manifest, watchMs, rows, phase }) => {
    const h = await createPodHarness();
    h.apply(manifest);
    const name = manifest.metadata!.name!;
    const seen = await h.states(name, watchMs);
    expect(seen.slice(0, rows.length)).toEqual(rows);
    expect(h.pod(name)!.status!.phase).toBe(phase);
  });
});

describe('PodWorker details a learner reads', () => {
  it('prints RESTARTS with the time of the last restart: `1 (4s ago)`', async () => {
    const h = await createPodHarness();
    h.apply(pod('yellow', { containers: [busybox('lemon'), { name: 'gold', image: 'redis' }] }));
    await h.states('yellow', 8_000);
    const [ready, status, restarts] = h.row('yellow');
    expect([ready, status]).toEqual(['1/2', 'CrashLoopBackOff']);
    expect(restarts).toMatch(/^1 \(\d+s ago\)$/);
  });

  it('doubles the back-off from 10s to 5m0s and says so in the waiting message', async () => {
    const h = await createPodHarness();
    h.apply(pod('loop', { containers: [busybox('c', { image: 'busybox:1.28', command: ['sh', '-c', 'exit 1'] })] }));
    const messages: string[] = [];
    for (let i = 0; i < 15 * 60 * 4; i++) {
      await h.pump.advance(250);
      const message = h.pod('loop')!.status?.containerStatuses?.[0]?.state?.waiting?.message;
      if (message && messages[messages.length - 1] !== message) messages.push(message);
    }
    const uid = h.pod('loop')!.metadata!.uid;
    // source: pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff (the waiting message and the BackOff event).
    expect(messages.map((m) => m.replace(`loop_default(${uid})`, 'POD'))).toEqual(
      ['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'].map((d) => `back-off ${d} restarting failed container=c pod=POD`),
    );
    const events = h.events('loop');
    expect(events.find((e) => e.reason === 'BackOff')).toMatchObject({
      type: 'Warning',
      message: `Back-off restarting failed container c in pod loop_default(${uid})`,
      fieldPath: 'spec.containers{c}',
    });
  });

  it('resets the back-off after a container ran for more than 10 minutes', async () => {
    const h = await createPodHarness();
    // Runs 1-3 fail at once, run 4 lasts 700 s, run 5 fails at once again.
    const script = 'n=$(cat /data/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /data/n; if [ $n -eq 4 ]; then sleep 700; fi; exit 1';
    h.apply(
      pod('long', {
        containers: [busybox('c', { image: 'busybox:1.28', command: ['sh', '-c', script], volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
        volumes: [{ name: 'data', emptyDir: {} }],
      }),
    );
    const waits: string[] = [];
    for (let i = 0; i < 14 * 60 * 2; i++) {
      await h.pump.advance(500);
      const message = h.pod('long')!.status?.containerStatuses?.[0]?.state?.waiting?.message;
      const wait = message?.split(' ')[1];
      if (wait && waits[waits.length - 1] !== wait) waits.push(wait);
    }
    expect(waits.slice(0, 4)).toEqual(['10s', '20s', '10s', '20s']);
  });

  it('describes a StartError like containerd: exit 128, started at the epoch, the exec message', async () => {
    const h = await createPodHarness();
    h.apply(pod('typo', { containers: [busybox('c', { command: ['sleeeep', '2'] })] }));
    await h.pump.advance(4_000);
    const status = h.pod('typo')!.status!.containerStatuses![0]!;
    const message =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sleeeep": executable file not found in $PATH: unknown';
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 128, reason: 'StartError', message, startedAt: '1970-01-01T00:00:00Z' });
    expect(h.events('typo').some((e) => e.reason === 'Failed' && e.message === `Error: ${message}`)).toBe(true);
  });

  it('logs `sh: sleeeep: not found` and exits 127 for a typo run through sh', async () => {
    const h = await createPodHarness();
    h.apply(pod('sh-typo', { restartPolicy: 'Never', containers: [busybox('c', { command: ['sh', '-c', 'sleeeep 2;'] })] }));
    await h.pump.advance(5_000);
    expect(h.pod('sh-typo')!.status!.containerStatuses![0]!.state?.terminated).toMatchObject({ exitCode: 127, reason: 'Error' });
    expect(await h.logs('sh-typo')).toBe('sh: sleeeep: not found\n');
  });

  it('reports which init containers are incomplete and that the app waits on PodInitializing', async () => {
    const h = await createPodHarness();
    h.apply(
      pod('purple', {
        initContainers: [
          busybox('warm-up-1', { image: 'busybox:1.28', command: ['sh', '-c', 'sleep 600'] }),
          busybox('warm-up-2', { image: 'busybox:1.28', command: ['sh', '-c', 'sleep 1200'] }),
        ],
        containers: [busybox('purple-container', { image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] })],
      }),
    );
    await h.pump.advance(10_000);
    const status = h.pod('purple')!.status!;
    expect(status.phase).toBe('Pending');
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason ?? '', c.message ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'True', '', ''],
      ['Initialized', 'False', 'ContainersNotInitialized', 'containers with incomplete status: [warm-up-1 warm-up-2]'],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [purple-container]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [purple-container]'],
      ['PodScheduled', 'True', '', ''],
    ]);
    expect(status.containerStatuses![0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(h.row('purple').slice(0, 2)).toEqual(['0/1', 'Init:0/2']);
    await h.pump.advance(600_000);
    expect(h.row('purple').slice(0, 2)).toEqual(['0/1', 'Init:1/2']);
    expect(h.pod('purple')!.status!.conditions![1]!.message).toBe('containers with incomplete status: [warm-up-2]');
  });

  it('marks a completed init container Terminated/Completed, exit 0, ready', async () => {
    const h = await createPodHarness();
    h.apply(
      pod('blue', {
        initContainers: [busybox('init-myservice', { imagePullPolicy: 'Always', command: ['sh', '-c', 'sleep 5'] })],
        containers: [busybox('blue-container', { image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] })],
      }),
    );
    await h.pump.advance(30_000);
    const init = h.pod('blue')!.status!.initContainerStatuses![0]!;
    expect(init.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const t = init.state!.terminated!;
    expect(Date.parse(t.finishedAt!) - Date.parse(t.startedAt!)).toBe(5_000);
    expect([init.ready, init.started]).toEqual([true, false]);
    expect(h.row('blue').slice(0, 2)).toEqual(['1/1', 'Running']);
  });

  it('keeps a pod with a missing configMap volume in ContainerCreating with FailedMount, then starts it', async () => {
    const h = await createPodHarness();
    h.apply(
      pod('needs-config', {
        containers: [busybox('c', { command: ['sleep', '3600'], volumeMounts: [{ name: 'config', mountPath: '/etc/config' }] })],
        volumes: [{ name: 'config', configMap: { name: 'app-config' } }],
      }),
    );
    expect(await h.states('needs-config', 30_000)).toEqual(['0/1 ContainerCreating 0']);
    const failed = h.events('needs-config').find((e) => e.reason === 'FailedMount')!;
    // source: pkg/volume/util/operationexecutor/operation_generator.go GenerateMountVolumeFunc,
    // volumeToMount.GenerateError("MountVolume.SetUp failed", err); the error is the configmap plugin's.
    expect(failed).toMatchObject({ type: 'Warning', message: 'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found', fieldPath: '' });
    expect(failed.count).toBeGreaterThanOrEqual(6);
    h.apply({ kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { color: 'blue' } } as KubeObject);
    await h.pump.advance(70_000);
    expect(h.row('needs-config').slice(0, 2)).toEqual(['1/1', 'Running']);
  });

  it('stops the sidecar after the app container of a Never pod is done, and the pod succeeds', async () => {
    const h = await createPodHarness();
    h.apply(
      pod('job-with-sidecar', {
        restartPolicy: 'Never',
        initContainers: [busybox('logger', { restartPolicy: 'Always', command: ['sleep', '3600'] })],
        containers: [busybox('work', { command: ['sh', '-c', 'sleep 3'] })],
      }),
    );
    await h.pump.advance(60_000);
    const status = h.pod('job-with-sidecar')!.status!;
    expect(status.phase).toBe('Succeeded');
    expect(h.row('job-with-sidecar').slice(0, 2)).toEqual(['0/2', 'Completed']);
    // source: pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer ("Stopping container %s").
    expect(h.events('job-with-sidecar').some((e) => e.reason === 'Killing' && e.message === 'Stopping container logger')).toBe(true);
  });

  it('stops app containers first and the sidecar after them when the pod is deleted', async () => {
    const h = await createPodHarness();
    h.apply(
      pod('ordered', {
        initContainers: [busybox('logger', { restartPolicy: 'Always', command: ['sleep', '3600'] })],
        containers: [{ name: 'web', image: 'nginx' }],
      }),
    );
    await h.pump.advance(30_000);
    h.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'ordered' });
    await h.pump.advance(5_000);
    expect(h.row('ordered').slice(0, 2)).toEqual(['1/2', 'Terminating']);
    const killing = h
      .events('ordered')
      .filter((e) => e.reason === 'Killing')
      .map((e) => e.message);
    expect(killing).toEqual(['Stopping container web', 'Stopping container logger']);
    // sleep ignores SIGTERM: the sidecar lasts its grace period.
    await h.pump.advance(30_000);
    expect(h.pod('ordered')).toBeUndefined();
  });

  it('restarts a container with a new image when the pod is updated, counting a restart', async () => {
    const h = await createPodHarness();
    h.apply(pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.25' }] }));
    await h.pump.advance(20_000);
    const current = structuredClone(h.pod('web')) as Pod;
    current.spec!.containers[0]!.image = 'nginx:1.27';
    h.server.handle({ verb: 'update', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', body: current as KubeObject });
    await h.pump.advance(20_000);
    const status = h.pod('web')!.status!.containerStatuses![0]!;
    expect([status.image, status.restartCount, Boolean(status.state?.running)]).toEqual(['docker.io/library/nginx:1.27', 1, true]);
    expect(h.events('web').some((e) => e.message === 'Container nginx definition changed, will be restarted')).toBe(true);
  });
});
