import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../store/deep-freeze.ts';
import { podTableRow } from './pod-table-row.ts';
import { secondsAgo, TEST_NOW_MS } from './testing/fake-server-context.ts';

const created = secondsAgo(400);

function pod(overrides: { spec?: Partial<NonNullable<Pod['spec']>>; status?: Pod['status']; deletionTimestamp?: string }): Pod {
  return {
    metadata: { name: 'web', creationTimestamp: created, ...(overrides.deletionTimestamp ? { deletionTimestamp: overrides.deletionTimestamp } : {}) },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...overrides.spec },
    ...(overrides.status ? { status: overrides.status } : {}),
  };
}

const running = { running: { startedAt: secondsAgo(390) } };

// Models printers_test.go TestPrintPod: expected cells per pod state.
const cases: { name: string; pod: Pod; cells: string[] }[] = [
  {
    name: 'pending without container statuses',
    pod: pod({ status: { phase: 'Pending' } }),
    cells: ['web', '0/1', 'Pending', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'container creating',
    pod: pod({
      spec: { nodeName: 'node01' },
      status: {
        phase: 'Pending',
        containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
      },
    }),
    cells: ['web', '0/1', 'ContainerCreating', '0', '6m40s', '<none>', 'node01', '<none>', '<none>'],
  },
  {
    name: 'running and ready',
    pod: pod({
      spec: { nodeName: 'node01' },
      status: { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: running }] },
    }),
    cells: ['web', '1/1', 'Running', '0', '6m40s', '10.244.1.5', 'node01', '<none>', '<none>'],
  },
  {
    name: 'crash loop with restarts and the time of the last one',
    pod: pod({
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            image: 'busybox',
            imageID: '',
            ready: false,
            restartCount: 5,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: secondsAgo(130) } },
          },
        ],
      },
    }),
    cells: ['web', '0/1', 'CrashLoopBackOff', '5 (2m10s ago)', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'first init container running',
    pod: pod({
      spec: {
        initContainers: [
          { name: 'init-a', image: 'busybox' },
          { name: 'init-b', image: 'busybox' },
        ],
      },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'init-a', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: running },
          { name: 'init-b', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
        ],
        containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
      },
    }),
    cells: ['web', '0/1', 'Init:0/2', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'second init container running',
    pod: pod({
      spec: {
        initContainers: [
          { name: 'init-a', image: 'busybox' },
          { name: 'init-b', image: 'busybox' },
        ],
      },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'init-a', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'init-b', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: running },
        ],
      },
    }),
    cells: ['web', '0/1', 'Init:1/2', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'init container failing',
    pod: pod({
      spec: { initContainers: [{ name: 'init-a', image: 'busybox' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'init-a',
            image: 'busybox',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: secondsAgo(20) } },
          },
        ],
      },
    }),
    cells: ['web', '0/1', 'Init:CrashLoopBackOff', '3 (20s ago)', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'init container terminated without reason',
    pod: pod({
      spec: { initContainers: [{ name: 'init-a', image: 'busybox' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'init-a', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }],
      },
    }),
    cells: ['web', '0/1', 'Init:ExitCode:2', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'completed',
    pod: pod({
      status: {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'app', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
    }),
    cells: ['web', '0/1', 'Completed', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'completed container beside a running one without Ready condition',
    pod: pod({
      spec: {
        containers: [
          { name: 'a', image: 'busybox' },
          { name: 'b', image: 'nginx' },
        ],
      },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'a', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'b', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: running },
        ],
      },
    }),
    cells: ['web', '1/2', 'NotReady', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'the first abnormal container wins',
    pod: pod({
      spec: {
        containers: [
          { name: 'a', image: 'bad' },
          { name: 'b', image: 'busybox' },
        ],
      },
      status: {
        phase: 'Pending',
        containerStatuses: [
          { name: 'a', image: 'bad', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } },
          { name: 'b', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
        ],
      },
    }),
    cells: ['web', '0/2', 'ImagePullBackOff', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'terminating',
    pod: pod({
      deletionTimestamp: secondsAgo(3),
      status: { phase: 'Running', containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: running }] },
    }),
    cells: ['web', '1/1', 'Terminating', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'evicted',
    pod: pod({ status: { phase: 'Failed', reason: 'Evicted' } }),
    cells: ['web', '0/1', 'Evicted', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'readiness gates',
    pod: pod({
      spec: { readinessGates: [{ conditionType: 'example.com/a' }, { conditionType: 'example.com/b' }] },
      status: { phase: 'Running', conditions: [{ type: 'example.com/a', status: 'True' }] },
    }),
    cells: ['web', '0/1', 'Running', '0', '6m40s', '<none>', '<none>', '<none>', '1/2'],
  },
  {
    name: 'init container killed by a signal',
    pod: pod({
      spec: { initContainers: [{ name: 'init-a', image: 'busybox' }] },
      status: {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'init-a', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }],
      },
    }),
    cells: ['web', '0/1', 'Init:Signal:9', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'native sidecar not started yet: initializing, not ready',
    pod: pod({
      spec: { initContainers: [{ name: 'sidecar', image: 'busybox', restartPolicy: 'Always' }] },
      status: { phase: 'Pending', initContainerStatuses: [{ name: 'sidecar', image: 'busybox', imageID: '', ready: false, started: false, restartCount: 0, state: running }] },
    }),
    cells: ['web', '0/2', 'Init:0/1', '0', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'native sidecar started and ready: counts in READY and its restarts in RESTARTS',
    pod: pod({
      spec: { initContainers: [{ name: 'sidecar', image: 'busybox', restartPolicy: 'Always' }] },
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True' },
          { type: 'Ready', status: 'True' },
        ],
        initContainerStatuses: [
          {
            name: 'sidecar',
            image: 'busybox',
            imageID: '',
            ready: true,
            started: true,
            restartCount: 2,
            state: running,
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: secondsAgo(30) } },
          },
        ],
        containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: running }],
      },
    }),
    cells: ['web', '2/2', 'Running', '2 (30s ago)', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'native sidecar crash-looping after initialization beside a running app',
    pod: pod({
      spec: { initContainers: [{ name: 'sidecar', image: 'busybox', restartPolicy: 'Always' }] },
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True' },
          { type: 'Ready', status: 'False' },
        ],
        initContainerStatuses: [
          {
            name: 'sidecar',
            image: 'busybox',
            imageID: '',
            ready: false,
            started: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: secondsAgo(12) } },
          },
        ],
        containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: running }],
      },
    }),
    cells: ['web', '1/2', 'Init:CrashLoopBackOff', '3 (12s ago)', '6m40s', '<none>', '<none>', '<none>', '<none>'],
  },
];

describe('podTableRow', () => {
  it.each(cases)('$name', ({ pod, cells }) => {
    expect(podTableRow(pod, TEST_NOW_MS)).toEqual(cells);
  });
});

// A stored pod is frozen and its row facts kept: listed again later, its AGE and RESTARTS still age.
describe('podTableRow of one stored pod over time', () => {
  const stored = deepFreeze(cases.find((c) => c.name === 'crash loop with restarts and the time of the last one')!.pod);
  const listings = [
    { name: 'first listing', nowMs: TEST_NOW_MS, restarts: '5 (2m10s ago)', age: '6m40s' },
    { name: 'a minute later', nowMs: TEST_NOW_MS + 60_000, restarts: '5 (3m10s ago)', age: '7m40s' },
    { name: 'an hour later', nowMs: TEST_NOW_MS + 3_600_000, restarts: '5 (62m ago)', age: '66m' },
  ];
  it.each(listings)('$name', ({ nowMs, restarts, age }) => {
    expect(podTableRow(stored, nowMs)).toEqual(['web', '0/1', 'CrashLoopBackOff', restarts, age, '<none>', '<none>', '<none>', '<none>']);
  });
});
