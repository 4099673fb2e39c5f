import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../../../tests/support/test-cluster.ts';

// Cases named after pkg/controller/statefulset/stateful_set_control_test.go (TestStatefulSetControl,
// TestStatefulSetControlRollingUpdateWithPartition, TestStatefulSetControlOnDeleteUpdate), played on
// a real cluster: busybox pods start, the clock moves in steps.
const STS = { group: 'apps', version: 'v1', resource: 'statefulsets' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

interface Step {
  patch?: Record<string, unknown>;
  deletePod?: string;
  advanceMs: number;
}

interface Case {
  name: string;
  spec: Record<string, unknown>;
  steps: Step[];
  want: { pods: string[]; images: string[]; ready: number; events: string[] };
}

const image = (tag: string) => ({ template: { spec: { containers: [{ name: 'c', image: `busybox:${tag}`, command: ['sleep', '3600'] }] } } });

const cases: Case[] = [
  {
    name: 'CreatesPods',
    spec: { replicas: 3 },
    steps: [{ advanceMs: 60_000 }],
    want: {
      pods: ['web-0', 'web-1', 'web-2'],
      images: ['busybox:1.36', 'busybox:1.36', 'busybox:1.36'],
      ready: 3,
      events: ['create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful', 'create Pod web-2 in StatefulSet web successful'],
    },
  },
  {
    name: 'ScalesDown',
    spec: { replicas: 3 },
    steps: [{ advanceMs: 60_000 }, { patch: { spec: { replicas: 1 } }, advanceMs: 120_000 }],
    want: {
      pods: ['web-0'],
      images: ['busybox:1.36'],
      ready: 1,
      events: [
        'create Pod web-0 in StatefulSet web successful',
        'create Pod web-1 in StatefulSet web successful',
        'create Pod web-2 in StatefulSet web successful',
        'delete Pod web-2 in StatefulSet web successful',
        'delete Pod web-1 in StatefulSet web successful',
      ],
    },
  },
  {
    name: 'RecreatesDeletedPod',
    spec: { replicas: 2 },
    steps: [{ advanceMs: 60_000 }, { deletePod: 'web-0', advanceMs: 60_000 }],
    want: {
      pods: ['web-0', 'web-1'],
      images: ['busybox:1.36', 'busybox:1.36'],
      ready: 2,
      events: ['create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful'],
    },
  },
  {
    name: 'RollingUpdateWithPartition',
    spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
    steps: [{ advanceMs: 60_000 }, { patch: { spec: image('1.28') }, advanceMs: 120_000 }],
    want: {
      pods: ['web-0', 'web-1', 'web-2'],
      images: ['busybox:1.36', 'busybox:1.36', 'busybox:1.28'],
      ready: 3,
      events: [
        'create Pod web-0 in StatefulSet web successful',
        'create Pod web-1 in StatefulSet web successful',
        'create Pod web-2 in StatefulSet web successful',
        'delete Pod web-2 in StatefulSet web successful',
      ],
    },
  },
  {
    name: 'OnDeleteUpdate',
    spec: { replicas: 2, updateStrategy: { type: 'OnDelete' } },
    steps: [{ advanceMs: 60_000 }, { patch: { spec: image('1.28') }, advanceMs: 60_000 }, { deletePod: 'web-1', advanceMs: 60_000 }],
    want: {
      pods: ['web-0', 'web-1'],
      images: ['busybox:1.36', 'busybox:1.28'],
      ready: 2,
      events: ['create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful'],
    },
  },
];

describe('StatefulSetController', () => {
  it.each(cases)(
    '$name',
    async ({ spec, steps, want }) => {
      const { server, pump } = await createTestCluster();
      const body = {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'web' },
        spec: { serviceName: 'web', selector: { matchLabels: { app: 'web' } }, ...spec, template: { metadata: { labels: { app: 'web' } }, ...image('1.36').template } },
      };
      expect(server.handle({ verb: 'create', ...STS, namespace: 'default', body }).ok).toBe(true);
      for (const step of steps) {
        if (step.patch) server.handle({ verb: 'patch', ...STS, namespace: 'default', name: 'web', patchType: 'application/merge-patch+json', body: step.patch });
        if (step.deletePod) server.handle({ verb: 'delete', ...PODS, namespace: 'default', name: step.deletePod });
        await pump.advance(step.advanceMs);
      }
      const set = server.handle({ verb: 'get', ...STS, namespace: 'default', name: 'web' }).body as StatefulSet;
      const pods = (server.handle({ verb: 'list', ...PODS, namespace: 'default' }).body as { items: Pod[] }).items.filter((p) => !p.metadata?.deletionTimestamp);
      const events = (
        server.handle({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' }).body as {
          items: { message: string; involvedObject: { kind: string } }[];
        }
      ).items
        .filter((e) => e.involvedObject.kind === 'StatefulSet')
        .map((e) => e.message);
      expect({
        pods: pods.map((p) => p.metadata!.name!).sort(),
        images: pods.sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!)).map((p) => p.spec!.containers[0]!.image),
        ready: set.status?.readyReplicas ?? 0,
        events,
      }).toEqual(want);
    },
    60_000,
  );

  it('gives each pod its identity: hostname, subdomain and the ordinal labels', async () => {
    const { server, pump } = await createTestCluster();
    const body = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { serviceName: 'db-headless', replicas: 1, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, ...image('1.36').template } },
    };
    server.handle({ verb: 'create', ...STS, namespace: 'default', body });
    await pump.advance(10_000);
    const pod = server.handle({ verb: 'get', ...PODS, namespace: 'default', name: 'db-0' }).body as Pod;
    const set = server.handle({ verb: 'get', ...STS, namespace: 'default', name: 'db' }).body as StatefulSet;
    expect({ hostname: pod.spec?.hostname, subdomain: pod.spec?.subdomain, labels: pod.metadata?.labels }).toEqual({
      hostname: 'db-0',
      subdomain: 'db-headless',
      labels: {
        app: 'db',
        'apps.kubernetes.io/pod-index': '0',
        'controller-revision-hash': set.status?.updateRevision,
        'statefulset.kubernetes.io/pod-name': 'db-0',
      },
    });
  }, 60_000);
});
