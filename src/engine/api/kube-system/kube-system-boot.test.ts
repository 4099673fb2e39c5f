import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../client.ts';
import { resourceKey } from '../resource-key.ts';
import { Cluster } from '../../cluster.ts';
import { clusterTopology, DEFAULT_TOPOLOGY } from '../../cluster-topology.ts';
import { FakeToolRunner } from '../../testing/fake-tool-runner.ts';
import { kubeSystemSnapshot } from './kube-system-boot.ts';

const nodeYield = () => new Promise<void>((resolve) => setImmediate(resolve));
const newCluster = (workerNodes?: number) =>
  Cluster.create({ yieldToHost: nodeYield, toolRunner: new FakeToolRunner(), ...(workerNodes !== undefined ? { topology: clusterTopology({ workerNodes }) } : {}) });

const PODS = resourceKey('', 'pods');
const withoutVersion = (obj: KubeObject | undefined) => obj && { ...obj, metadata: { ...obj.metadata, resourceVersion: '' } };
const names = (cluster: Cluster, key: string) => cluster.server.store.list(key, 'kube-system').map((o) => o.metadata!.name);

describe('kube-system boot', () => {
  it('is built once per process and shared by every cluster with the same start', () => {
    const start = Date.UTC(2026, 10, 22, 22);
    expect(kubeSystemSnapshot(DEFAULT_TOPOLOGY, start)).toBe(kubeSystemSnapshot(DEFAULT_TOPOLOGY, start));
  });

  it('holds the control plane mirror pods, CoreDNS and kube-proxy, Running', async () => {
    const cluster = await newCluster();
    const pods = cluster.server.store.list(PODS, 'kube-system') as Pod[];
    const generated = (name: string) => name.replace(/^coredns-.*/, 'coredns').replace(/^kube-proxy-[a-z0-9]{5}$/, 'kube-proxy');
    expect(pods.map((p) => [generated(p.metadata!.name!), p.spec?.nodeName, p.status?.phase])).toEqual([
      ['coredns', 'controlplane', 'Running'],
      ['coredns', 'controlplane', 'Running'],
      ['etcd-controlplane', 'controlplane', 'Running'],
      ['kube-apiserver-controlplane', 'controlplane', 'Running'],
      ['kube-controller-manager-controlplane', 'controlplane', 'Running'],
      ['kube-proxy', 'node01', 'Running'],
      ['kube-proxy', 'controlplane', 'Running'],
      ['kube-scheduler-controlplane', 'controlplane', 'Running'],
    ]);
    const node = cluster.server.store.get(resourceKey('', 'nodes'), undefined, 'controlplane');
    expect(cluster.server.store.get(PODS, 'kube-system', 'etcd-controlplane')!.metadata!.ownerReferences![0]!.uid).toBe(node!.metadata!.uid);
  });

  it('adopts the booted objects without writing to them or recording events', async () => {
    const cluster = await newCluster();
    await cluster.pump.advance(120_000);
    const snapshot = kubeSystemSnapshot(DEFAULT_TOPOLOGY, cluster.clock.now() - 120_000);
    for (const { resourceKey: key, object } of snapshot.objects) {
      const stored = cluster.server.store.get(key, object.metadata?.namespace, object.metadata!.name!);
      const owners = stored?.metadata?.ownerReferences?.[0]?.kind === 'Node' ? { ownerReferences: stored.metadata.ownerReferences } : {};
      expect(withoutVersion(stored)).toEqual(withoutVersion({ ...object, metadata: { ...object.metadata, ...owners } }));
    }
    expect(cluster.server.store.list(resourceKey('', 'events'))).toEqual([]);
  });

  it('keeps what one cluster changes out of the next cluster', async () => {
    const first = await newCluster();
    const coredns = names(first, PODS)[0]!;
    first.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'kube-system', name: coredns });
    first.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'coredns' });
    await first.pump.advance(60_000);
    expect(names(first, PODS)).not.toContain(coredns);
    expect(names(first, resourceKey('', 'configmaps'))).not.toContain('coredns');

    const second = await newCluster();
    expect(names(second, PODS)).toContain(coredns);
    expect(names(second, resourceKey('', 'configmaps'))).toContain('coredns');
  });

  it('stops an adopted pod and confirms its deletion', async () => {
    const cluster = await newCluster();
    const coredns = names(cluster, PODS)[0]!;
    cluster.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'kube-system', name: coredns });
    await cluster.pump.advance(1_000);
    expect(cluster.server.store.get(PODS, 'kube-system', coredns)).toBeUndefined();
    const reasons = cluster.server.store.list(resourceKey('', 'events'), 'kube-system').map((e) => `${(e as { reason?: string }).reason} ${(e as { message?: string }).message}`);
    expect(reasons).toContain('Killing Stopping container coredns');
  });

  it('brings a deleted mirror pod back Running, as the kubelet of a static pod does', async () => {
    const cluster = await newCluster();
    const old = cluster.server.store.get(PODS, 'kube-system', 'kube-apiserver-controlplane')!;
    cluster.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'kube-system', name: 'kube-apiserver-controlplane' });
    await cluster.pump.advance(1_000);
    const mirror = cluster.server.store.get(PODS, 'kube-system', 'kube-apiserver-controlplane') as { metadata: { uid: string }; spec: unknown; status: unknown };
    expect(mirror.metadata.uid).not.toBe(old.metadata!.uid);
    expect([mirror.spec, mirror.status]).toEqual([(old as typeof mirror).spec, (old as typeof mirror).status]);
  });

  it('runs a CoreDNS pod the ReplicaSet creates anew', async () => {
    const cluster = await newCluster();
    cluster.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'kube-system', name: names(cluster, PODS)[0]! });
    await cluster.pump.advance(60_000);
    const phases = cluster.server.store.list(PODS, 'kube-system').map((p) => (p as { status?: { phase?: string } }).status?.phase);
    expect(phases).toEqual(Array(8).fill('Running'));
  });

  it.each([0, 1, 3])('runs one kube-proxy pod per node, which the DaemonSet controller keeps (%i workers)', async (workers) => {
    const cluster = await newCluster(workers);
    await cluster.pump.advance(60_000);
    const proxies = cluster.server.store.list(PODS, 'kube-system').filter((p) => p.metadata!.name!.startsWith('kube-proxy-')) as Pod[];
    expect(proxies.map((p) => [p.spec?.nodeName, p.status?.hostIP, p.status?.phase]).sort()).toEqual(
      clusterTopology({ workerNodes: workers })
        .nodes.map((n) => [n.name, n.ip, 'Running'])
        .sort(),
    );
    const revisions = cluster.server.store.list(resourceKey('apps', 'controllerrevisions'), 'kube-system');
    expect(revisions.map((r) => r.metadata!.name)).toEqual([`kube-proxy-${proxies[0]!.metadata!.labels!['controller-revision-hash']}`]);
    const ds = cluster.server.store.get(resourceKey('apps', 'daemonsets'), 'kube-system', 'kube-proxy') as DaemonSet;
    expect([ds.status?.desiredNumberScheduled, ds.status?.numberReady, ds.status?.numberAvailable]).toEqual([workers + 1, workers + 1, workers + 1]);
    expect(cluster.server.store.list(resourceKey('', 'events'))).toEqual([]);
  });
});
