/**
 * What `kubectl get pods` prints, second by second, while a container fails: the v1.32 kubelet
 * writes the status at the start of each sync from the last relist, so a reason such as
 * CrashLoopBackOff appears only with the sync after the one that met the back-off. That next sync
 * comes at once when a PLEG event arrived during the sync (a chain), otherwise 10–15 s later (the
 * pod worker's error requeue). Both catalogue observations come out: the init-containers lab's
 * `orange 0/1 Init:Error 1 (6s ago) 7s` and the multi-container lab's `yellow 1/2
 * CrashLoopBackOff 1 (4s ago)`. The node's relist phase is fixed per case: it decides whether
 * the relist that first sees the sandbox lands inside the first sync.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { lookupImage } from '../images/image-catalogue.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

/** Seconds after creation → STATUS and RESTARTS. */
type Timeline = [seconds: number, status: string, restarts: string][];

const ORANGE = {
  initContainers: [{ name: 'init-myservice', image: 'busybox', imagePullPolicy: 'Always', command: ['sh', '-c', 'sleeeep 2;'] }],
  containers: [{ name: 'orange-container', image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] }],
};

const cases: { name: string; spec: Pod['spec']; relistPhaseMs: number; timeline: Timeline }[] = [
  {
    name: 'a container that exits 1 at once: Error, then Error with the restarts for 10–15 s at a time, CrashLoopBackOff once the back-off outlasts the retry',
    spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] },
    relistPhaseMs: 0,
    timeline: [
      [1, 'ContainerCreating', '0'],
      [2, 'Error', '0'],
      [3, 'Error', '1 (2s ago)'],
      [15, 'Error', '1 (14s ago)'],
      [16, 'Error', '2 (14s ago)'],
      [30, 'Error', '2 (28s ago)'],
      [31, 'CrashLoopBackOff', '2 (16s ago)'],
      [42, 'Error', '3 (27s ago)'],
    ],
  },
  {
    name: 'an init container that exits 127 (orange): Init:Error 1 (6s ago) at 7s, Init:CrashLoopBackOff with the next sync',
    spec: ORANGE,
    relistPhaseMs: 0,
    timeline: [
      [1, 'Init:0/1', '0'],
      [2, 'Init:Error', '0'],
      [7, 'Init:Error', '1 (6s ago)'],
      [15, 'Init:Error', '1 (14s ago)'],
      [16, 'Init:Error', '2 (14s ago)'],
    ],
  },
  {
    name: 'the same init container when a relist lands inside the first sync: the syncs chain and Init:CrashLoopBackOff comes at once',
    spec: ORANGE,
    relistPhaseMs: 200,
    timeline: [
      [3, 'Init:Error', '0'],
      [4, 'Init:Error', '1 (3s ago)'],
      [5, 'Init:CrashLoopBackOff', '1 (3s ago)'],
      [17, 'Init:CrashLoopBackOff', '1 (15s ago)'],
      [18, 'Init:Error', '2 (16s ago)'],
    ],
  },
  {
    name: 'a command not found (sleeeep): RunContainerError, its RESTARTS counting from the failed start',
    spec: { containers: [{ name: 'ubuntu', image: 'ubuntu', command: ['sleeeep', '2'] }] },
    relistPhaseMs: 0,
    timeline: [
      [1, 'ContainerCreating', '0'],
      [2, 'RunContainerError', '0'],
      [3, 'RunContainerError', '1 (1s ago)'],
      [15, 'RunContainerError', '1 (13s ago)'],
      [16, 'RunContainerError', '2 (1s ago)'],
      [31, 'CrashLoopBackOff', '2 (16s ago)'],
      [42, 'RunContainerError', '3 (1s ago)'],
    ],
  },
  {
    name: 'busybox with no command next to redis (yellow): NotReady, then CrashLoopBackOff 1 (4s ago)',
    spec: {
      containers: [
        { name: 'lemon', image: 'busybox' },
        { name: 'gold', image: 'redis' },
      ],
    },
    relistPhaseMs: 0,
    timeline: [
      [3, 'ContainerCreating', '0'],
      [4, 'NotReady', '0'],
      [5, 'NotReady', '1 (4s ago)'],
      [6, 'CrashLoopBackOff', '1 (2s ago)'],
      [8, 'CrashLoopBackOff', '1 (4s ago)'],
      [20, 'NotReady', '2 (16s ago)'],
    ],
  },
];

describe('restart timeline: kubectl get pods second by second', () => {
  it.each(cases)('$name', async ({ spec, relistPhaseMs, timeline }) => {
    const h = await createPodHarness({ seed: 7 });
    // As in the labs: busybox and ubuntu were pulled by earlier pods, redis was not.
    for (const runtime of h.cluster.nodes.runtimes) {
      runtime.loopPhases = { relistMs: relistPhaseMs, syncTickMs: 500 };
      for (const image of ['busybox', 'ubuntu']) {
        const found = lookupImage(image);
        if (found.ok) runtime.addImage(found.ref.normalized);
      }
    }
    const createdAt = h.clock.now();
    h.apply({ kind: 'Pod', metadata: { name: 'p' }, spec } as KubeObject);
    const seen: Timeline = [];
    for (const [seconds] of timeline) {
      await h.pump.advanceTo(createdAt + seconds * 1000);
      const [, status, restarts] = h.row('p');
      seen.push([seconds, status!, restarts!]);
    }
    expect(seen).toEqual(timeline);
  });
});
