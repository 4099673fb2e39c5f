import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import { Cluster } from './cluster.ts';
import { FakeToolRunner } from './testing/fake-tool-runner.ts';

const nodeYield = () => new Promise<void>((resolve) => setImmediate(resolve));

async function newCluster() {
  return Cluster.create({ yieldToHost: nodeYield, toolRunner: new FakeToolRunner() });
}

const deployment = (image: string, strategy: object = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'frontend' },
  spec: {
    replicas: 4,
    minReadySeconds: 20,
    selector: { matchLabels: { name: 'webapp' } },
    strategy,
    template: { metadata: { labels: { name: 'webapp' } }, spec: { containers: [{ name: 'simple-webapp', image, ports: [{ containerPort: 8080 }] }] } },
  },
});

describe('Cluster', () => {
  it('runs a deployment to four available pods', async () => {
    const cluster = await newCluster();
    const created = cluster.server.handle({
      verb: 'create',
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      namespace: 'default',
      body: deployment('kodekloud/webapp-color:v1'),
    });
    expect(created.ok).toBe(true);
    await cluster.pump.settle();
    const pods = cluster.server.handle({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default' });
    expect((pods.body as { items: unknown[] }).items).toHaveLength(4);
    await cluster.pump.advance(60_000);
    const d = cluster.server.handle({ verb: 'get', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'frontend' });
    expect((d.body as { status: { availableReplicas: number } }).status.availableReplicas).toBe(4);
  });

  it('rolls out a new image and ends with revision 2 and the old ReplicaSet at zero', async () => {
    const cluster = await newCluster();
    cluster.server.handle({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body: deployment('kodekloud/webapp-color:v1') });
    await cluster.pump.advance(60_000);
    const patched = cluster.server.handle({
      verb: 'patch',
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      namespace: 'default',
      name: 'frontend',
      patchType: 'application/strategic-merge-patch+json',
      body: { spec: { template: { spec: { containers: [{ name: 'simple-webapp', image: 'kodekloud/webapp-color:v2' }] } } } },
    });
    expect(patched.ok).toBe(true);
    await cluster.pump.advance(400_000);
    const rs = cluster.server.handle({ verb: 'list', group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default' });
    const sets = (rs.body as { items: { metadata: { annotations: Record<string, string> }; spec: { replicas: number } }[] }).items;
    expect(sets.map((s) => [s.metadata.annotations['deployment.kubernetes.io/revision'], s.spec.replicas]).sort()).toEqual([
      ['1', 0],
      ['2', 4],
    ]);
    const d = cluster.server.handle({ verb: 'get', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'frontend' });
    const status = (d.body as { status: { updatedReplicas: number; availableReplicas: number; replicas: number } }).status;
    expect([status.replicas, status.updatedReplicas, status.availableReplicas]).toEqual([4, 4, 4]);
  });
});
