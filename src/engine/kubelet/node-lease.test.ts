import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { Cluster } from '../cluster.ts';
import { FakeToolRunner } from '../testing/fake-tool-runner.ts';

const nodeYield = () => new Promise<void>((resolve) => setImmediate(resolve));
const START = Date.UTC(2026, 10, 22, 22);
const newCluster = () => Cluster.create({ yieldToHost: nodeYield, toolRunner: new FakeToolRunner(), startTimeMs: START });
const LEASES = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: 'kube-node-lease' } as const;

const renewTimes = (cluster: Cluster) => {
  const res = cluster.server.handle({ verb: 'list', ...LEASES });
  return ((res.body as { items: Lease[] }).items ?? []).map((l) => [l.metadata?.name, l.spec?.holderIdentity, l.spec?.leaseDurationSeconds, l.spec?.renewTime]);
};

describe('node leases', () => {
  it.each([
    // name, virtual ms after boot, the last renewal due by then
    ['at registration', 0, '2026-11-22T22:00:00.000000Z'],
    ['just before the first renewal', 9_999, '2026-11-22T22:00:00.000000Z'],
    ['at the first renewal', 10_000, '2026-11-22T22:00:10.000000Z'],
    ['a day later', 86_400_000 + 25_000, '2026-11-23T22:00:20.000000Z'],
  ])('show the renewal due %s', async (_name, afterMs, renewTime) => {
    const cluster = await newCluster();
    await cluster.pump.advance(afterMs - (cluster.clock.now() - START));
    expect(renewTimes(cluster)).toEqual([
      ['controlplane', 'controlplane', 40, renewTime],
      ['node01', 'node01', 40, renewTime],
    ]);
  });

  it('are written only when read, once per node and renewal', async () => {
    const cluster = await newCluster();
    let writes = 0;
    cluster.server.watch({ verb: 'watch', ...LEASES }, (event) => {
      if (event.type === 'MODIFIED') writes++;
    });
    await cluster.pump.advance(3_600_000);
    expect(writes).toBe(0);
    renewTimes(cluster);
    expect(writes).toBe(2);
    renewTimes(cluster);
    expect(writes).toBe(2);
  });

  it('comes back when deleted under a live node', async () => {
    const cluster = await newCluster();
    cluster.server.handle({ verb: 'delete', ...LEASES, name: 'node01' });
    await cluster.pump.advance(10_000);
    expect(renewTimes(cluster).map((row) => row[0])).toEqual(['controlplane', 'node01']);
  });
});
