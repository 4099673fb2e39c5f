import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ReplicaSetPodTally, type PodCounts } from './replica-set-pod-tally.ts';

const rs: ReplicaSet = {
  metadata: { name: 'web', namespace: 'default', uid: 'rs-uid' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'front' } } } },
};

function pod(name: string, options: { labels?: Record<string, string>; ready?: boolean; deleting?: boolean; phase?: string; owner?: string } = {}): Pod {
  return {
    metadata: {
      name,
      namespace: 'default',
      labels: options.labels ?? { app: 'web', tier: 'front' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: options.owner ?? 'rs-uid', controller: true }],
      ...(options.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    status: { phase: options.phase ?? 'Running', conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }] },
  };
}

const key = (p: Pod) => `default/${p.metadata!.name}`;

describe('ReplicaSetPodTally', () => {
  const cases: { name: string; before: Pod[]; after: Pod[]; want: PodCounts; released: string[] }[] = [
    {
      name: 'counts a pod that became ready',
      before: [pod('a', { ready: false }), pod('b')],
      after: [pod('a'), pod('b')],
      want: { active: 2, ready: 2, fullyLabeled: 2, terminating: 0 },
      released: [],
    },
    {
      name: 'moves a deleted pod from active to terminating, then forgets it once gone',
      before: [pod('a'), pod('b')],
      after: [pod('a', { deleting: true })],
      want: { active: 0, ready: 0, fullyLabeled: 0, terminating: 1 },
      released: [],
    },
    {
      name: 'does not count a finished pod as terminating',
      before: [pod('a')],
      after: [pod('a', { deleting: true, phase: 'Succeeded' })],
      want: { active: 0, ready: 0, fullyLabeled: 0, terminating: 0 },
      released: [],
    },
    {
      name: 'counts a pod missing a template label as not fully labeled',
      before: [pod('a')],
      after: [pod('a', { labels: { app: 'web' } })],
      want: { active: 1, ready: 1, fullyLabeled: 0, terminating: 0 },
      released: [],
    },
    {
      name: 'releases a pod the selector no longer matches and stops counting it',
      before: [pod('a'), pod('b')],
      after: [pod('a', { labels: { app: 'debug' } }), pod('b')],
      want: { active: 1, ready: 1, fullyLabeled: 1, terminating: 0 },
      released: ['a'],
    },
    {
      name: 'stops counting a pod another controller took',
      before: [pod('a'), pod('b')],
      after: [pod('a', { owner: 'other' }), pod('b')],
      want: { active: 1, ready: 1, fullyLabeled: 1, terminating: 0 },
      released: [],
    },
  ];
  it.each(cases)('$name', ({ before, after, want, released }) => {
    const tally = new ReplicaSetPodTally(rs);
    tally.rebuild(rs, before, key);
    const cache = new Map(after.map((p) => [key(p), p]));
    for (const p of [...before, ...after]) tally.markDirty(key(p));
    const releasedPods = tally.refresh(rs, (k) => cache.get(k));
    expect(tally.counts).toEqual(want);
    expect(releasedPods.map((p) => p.metadata!.name)).toEqual(released);
    const recounted = new ReplicaSetPodTally(rs);
    recounted.rebuild(
      rs,
      after.filter((p) => p.metadata!.ownerReferences![0]!.uid === 'rs-uid' && !released.includes(p.metadata!.name!)),
      key,
    );
    expect(recounted.counts).toEqual(want);
  });

  it('is counted anew when the template labels change', () => {
    const tally = new ReplicaSetPodTally(rs);
    expect(tally.fits(rs)).toBe(true);
    expect(tally.fits({ ...rs, spec: { ...rs.spec!, template: { metadata: { labels: { app: 'web' } } } } })).toBe(false);
  });
});
