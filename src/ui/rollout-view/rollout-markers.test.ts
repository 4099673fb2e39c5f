import { describe, expect, it } from 'vitest';
import type { WorkloadSnapshot } from '../../protocol/messages.ts';
import { rolloutMarkers } from './rollout-markers.ts';

const deployment = (revision: string) => ({ name: 'web', replicas: 2, strategy: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%', revision });
const rs = (name: string, revision: string, desired: number, available: number) => ({
  name,
  owner: 'web',
  revision,
  image: 'nginx',
  desired,
  current: desired,
  ready: available,
  available,
});

function snapshot(nowMs: number, revision: string, replicaSets: WorkloadSnapshot['replicaSets'], events: WorkloadSnapshot['events'] = []): WorkloadSnapshot {
  return { nowMs, deployments: [deployment(revision)], replicaSets, pods: [], events };
}

const scaledUp = { atMs: 2000, object: 'web', reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-b from 0 to 1' };
const scaledDown = { atMs: 3000, object: 'web', reason: 'ScalingReplicaSet', message: 'Scaled down replica set web-a from 2 to 1' };
const other = { atMs: 2500, object: 'api', reason: 'ScalingReplicaSet', message: 'Scaled up replica set api-x from 0 to 1' };

const cases: { name: string; items: WorkloadSnapshot[]; markers: { atMs: number; kind: string }[] }[] = [
  { name: 'nothing happened', items: [snapshot(0, '1', [rs('web-a', '1', 2, 2)])], markers: [] },
  {
    name: 'a rollout from start to completion, with its scaling events',
    items: [
      snapshot(1000, '1', [rs('web-a', '1', 2, 2)]),
      snapshot(2000, '2', [rs('web-a', '1', 2, 2), rs('web-b', '2', 1, 0)]),
      snapshot(4000, '2', [rs('web-a', '1', 0, 0), rs('web-b', '2', 2, 2)], [scaledUp, scaledDown, other]),
    ],
    markers: [
      { atMs: 2000, kind: 'scaled-up' },
      { atMs: 2000, kind: 'rollout-start' },
      { atMs: 3000, kind: 'scaled-down' },
      { atMs: 4000, kind: 'rollout-complete' },
    ],
  },
  {
    name: 'a rollout still under way',
    items: [snapshot(1000, '1', [rs('web-a', '1', 2, 2)]), snapshot(2000, '2', [rs('web-a', '1', 2, 2), rs('web-b', '2', 1, 0)])],
    markers: [{ atMs: 2000, kind: 'rollout-start' }],
  },
];

describe('rolloutMarkers', () => {
  it.each(cases)('$name', ({ items, markers }) => {
    expect(rolloutMarkers(items, 'web').map(({ atMs, kind }) => ({ atMs, kind }))).toEqual(markers);
  });
});
