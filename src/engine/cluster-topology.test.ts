import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../tests/support/test-cluster.ts';
import { clusterTopology } from './cluster-topology.ts';

const list = <T>(t: Awaited<ReturnType<typeof createTestCluster>>, resource: string, namespace?: string) =>
  (t.server.handle({ verb: 'list', group: '', version: 'v1', resource, ...(namespace ? { namespace } : {}) }).body as { items: T[] }).items;

describe('cluster topology', () => {
  it('names workers node01, node02 … with their own address and pod CIDR', async () => {
    const t = await createTestCluster({ topology: clusterTopology({ workerNodes: 3, workerSize: { cpu: '2', memory: '4Gi', pods: 20 } }) });
    expect(
      list<Node>(t, 'nodes').map((n) => [
        n.metadata?.name,
        n.status?.addresses?.[0]?.address,
        n.spec?.podCIDR,
        n.status?.capacity?.cpu,
        n.status?.capacity?.memory,
        n.status?.allocatable?.memory,
        n.status?.allocatable?.pods,
      ]),
    ).toEqual([
      ['controlplane', '192.168.121.10', '10.244.0.0/24', '16', '65837528Ki', '65735128Ki', '110'],
      ['node01', '192.168.121.11', '10.244.1.0/24', '2', '4194304Ki', '4091904Ki', '20'],
      ['node02', '192.168.121.12', '10.244.2.0/24', '2', '4194304Ki', '4091904Ki', '20'],
      ['node03', '192.168.121.13', '10.244.3.0/24', '2', '4194304Ki', '4091904Ki', '20'],
    ]);
  });

  it('spreads the pods of one ReplicaSet over the workers and leaves the ones that do not fit Pending', async () => {
    // Three pods per worker: its kube-proxy pod takes one, as on a real node.
    const t = await createTestCluster({ topology: clusterTopology({ workerNodes: 3, workerSize: { pods: 3 } }) });
    t.server.handle({
      verb: 'create',
      group: 'apps',
      version: 'v1',
      resource: 'replicasets',
      namespace: 'default',
      body: {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'web', namespace: 'default' },
        spec: { replicas: 7, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      },
    });
    await t.pump.advance(30_000);
    const perNode = new Map<string, number>();
    for (const pod of list<Pod>(t, 'pods', 'default')) perNode.set(pod.spec?.nodeName ?? '<none>', (perNode.get(pod.spec?.nodeName ?? '<none>') ?? 0) + 1);
    expect(Object.fromEntries([...perNode].sort())).toEqual({ '<none>': 1, node01: 2, node02: 2, node03: 2 });
    const ips = list<Pod>(t, 'pods', 'default').flatMap((p) => (p.status?.podIP ? [p.status.podIP] : []));
    expect(new Set(ips).size).toBe(6);
  });
});
