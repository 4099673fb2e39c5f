import { describe, expect, it } from 'vitest';
import type { WorkloadSnapshot } from '../../protocol/messages.ts';
import { SnapshotHistory } from './snapshot-history.ts';

const deployment = { name: 'frontend', replicas: 4, strategy: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%', revision: '2' };
const rs = (name: string, revision: string, desired: number, available: number) => ({
  name,
  owner: 'frontend',
  revision,
  image: 'web',
  desired,
  current: desired,
  ready: available,
  available,
});

function snapshot(nowMs: number, over: Partial<WorkloadSnapshot> = {}): WorkloadSnapshot {
  return { nowMs, deployments: [deployment], replicaSets: [rs('old', '1', 4, 4)], pods: [], events: [], ...over };
}

describe('SnapshotHistory', () => {
  it('keeps a snapshot only when something changed, but follows the latest time', () => {
    const history = new SnapshotHistory();
    history.push(snapshot(1000));
    history.push(snapshot(2000));
    history.push(snapshot(3000, { replicaSets: [rs('old', '1', 3, 3)] }));
    expect(history.items.map((s) => s.nowMs)).toEqual([1000, 3000]);
    expect(history.latestMs).toBe(3000);
  });

  it('drops the oldest snapshots past its limit', () => {
    const history = new SnapshotHistory(3);
    for (let i = 1; i <= 5; i++) history.push(snapshot(i * 1000, { replicaSets: [rs('old', '1', i, i)] }));
    expect(history.items.map((s) => s.nowMs)).toEqual([3000, 4000, 5000]);
  });

  it('starts again when time goes back (a new session)', () => {
    const history = new SnapshotHistory();
    history.push(snapshot(5000));
    history.push(snapshot(1000, { replicaSets: [] }));
    expect(history.items.map((s) => s.nowMs)).toEqual([1000]);
  });

  it('finds the snapshot showing a moment', () => {
    const history = new SnapshotHistory();
    for (const [ms, n] of [
      [1000, 1],
      [2000, 2],
      [4000, 3],
    ] as const)
      history.push(snapshot(ms, { replicaSets: [rs('old', '1', n, n)] }));
    expect([500, 1000, 3999, 9000].map((ms) => history.indexAt(ms))).toEqual([0, 0, 1, 2]);
  });

  it('names the deployment last touched: its spec changed or an event came', () => {
    const history = new SnapshotHistory();
    const backend = { ...deployment, name: 'backend' };
    const events = [{ atMs: 500, object: 'backend', reason: 'ScalingReplicaSet', message: 'Scaled up replica set backend-1 to 4' }];
    history.push(snapshot(1000, { deployments: [deployment, backend], events }));
    expect(history.lastTouched()).toBe('backend');
    history.push(snapshot(2000, { deployments: [{ ...deployment, revision: '3' }, backend], events }));
    expect(history.lastTouched()).toBe('frontend');
  });
});
