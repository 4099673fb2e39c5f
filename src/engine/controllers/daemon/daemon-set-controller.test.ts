import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../../../tests/support/test-cluster.ts';

// Cases named after pkg/controller/daemon/daemon_controller_test.go (TestSimpleDaemonSetLaunchesPods,
// TestTaintedNodeDaemonDoesNotLaunchIntolerantPod, TestNodeSelectorDaemonLaunchesPods) and
// update_test.go (TestDaemonSetUpdatesPods, TestDaemonSetUpdatesNoTemplateChanged), played on the
// default cluster: a tainted controlplane and node01.
const DS = { group: 'apps', version: 'v1', resource: 'daemonsets' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
const CONTROL_PLANE_TOLERATION = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' };

interface Case {
  name: string;
  podSpec: Record<string, unknown>;
  update?: string;
  want: { nodes: string[]; images: string[]; desired: number; updated: number };
}

const cases: Case[] = [
  { name: 'SimpleDaemonSetLaunchesPods', podSpec: {}, want: { nodes: ['node01'], images: ['busybox:1.36'], desired: 1, updated: 1 } },
  {
    name: 'TaintedNodeDaemonLaunchesToleratePod',
    podSpec: { tolerations: [CONTROL_PLANE_TOLERATION] },
    want: { nodes: ['controlplane', 'node01'], images: ['busybox:1.36', 'busybox:1.36'], desired: 2, updated: 2 },
  },
  {
    name: 'NodeSelectorDaemonLaunchesPods',
    podSpec: { tolerations: [CONTROL_PLANE_TOLERATION], nodeSelector: { 'kubernetes.io/hostname': 'controlplane' } },
    want: { nodes: ['controlplane'], images: ['busybox:1.36'], desired: 1, updated: 1 },
  },
  {
    name: 'DaemonSetUpdatesPods',
    podSpec: { tolerations: [CONTROL_PLANE_TOLERATION] },
    update: 'busybox:1.28',
    want: { nodes: ['controlplane', 'node01'], images: ['busybox:1.28', 'busybox:1.28'], desired: 2, updated: 2 },
  },
];

describe('DaemonSetController', () => {
  it.each(cases)(
    '$name',
    async ({ podSpec, update, want }) => {
      const { server, pump } = await createTestCluster();
      const container = { name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] };
      const body = {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent' },
        spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { ...podSpec, containers: [container] } } },
      };
      expect(server.handle({ verb: 'create', ...DS, namespace: 'default', body }).ok).toBe(true);
      await pump.advance(30_000);
      if (update) {
        const patch = { spec: { template: { spec: { containers: [{ ...container, image: update }] } } } };
        server.handle({ verb: 'patch', ...DS, namespace: 'default', name: 'agent', patchType: 'application/strategic-merge-patch+json', body: patch });
        await pump.advance(120_000);
      }
      const ds = server.handle({ verb: 'get', ...DS, namespace: 'default', name: 'agent' }).body as DaemonSet;
      const pods = (server.handle({ verb: 'list', ...PODS, namespace: 'default' }).body as { items: Pod[] }).items
        .filter((p) => !p.metadata?.deletionTimestamp)
        .sort((a, b) => (a.spec?.nodeName ?? '').localeCompare(b.spec?.nodeName ?? ''));
      expect({
        nodes: pods.map((p) => p.spec?.nodeName),
        images: pods.map((p) => p.spec?.containers[0]?.image),
        desired: ds.status?.desiredNumberScheduled,
        updated: ds.status?.updatedNumberScheduled,
      }).toEqual(want);
    },
    60_000,
  );

  it('binds each pod to its node by matchFields and adds the automatic tolerations', async () => {
    const { server, pump } = await createTestCluster();
    const body = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } } },
    };
    server.handle({ verb: 'create', ...DS, namespace: 'default', body });
    await pump.advance(5_000);
    const pod = (server.handle({ verb: 'list', ...PODS, namespace: 'default' }).body as { items: Pod[] }).items[0]!;
    expect({ affinity: pod.spec?.affinity, tolerations: pod.spec?.tolerations?.map((t) => `${t.key}:${t.effect}`) }).toEqual({
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node01'] }] }] } },
      },
      tolerations: [
        'node.kubernetes.io/not-ready:NoExecute',
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/disk-pressure:NoSchedule',
        'node.kubernetes.io/memory-pressure:NoSchedule',
        'node.kubernetes.io/pid-pressure:NoSchedule',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ],
    });
  }, 60_000);
});
