import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';
import { pickOneNodeForPreemption, type Candidate } from './default-preemption.ts';

const pod = (name: string, spec: Record<string, unknown>, cpu: string, labels?: Record<string, string>): KubeObject => ({
  kind: 'Pod',
  metadata: { name, ...(labels ? { labels } : {}) },
  spec: { ...spec, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], resources: { requests: { cpu } } }] },
});
const priorityClass = (name: string, value: number): KubeObject => ({ kind: 'PriorityClass', metadata: { name }, value }) as KubeObject;

async function harnessWith(existing: KubeObject[]) {
  const h = await createPodHarness();
  h.apply(priorityClass('high', 1000));
  h.apply(priorityClass('mid', 100));
  for (const p of existing) h.apply(p);
  // Running, so that deleting them takes their grace period.
  await h.pump.advance(10_000);
  return h;
}

const eventLines = (h: Awaited<ReturnType<typeof createPodHarness>>, name: string) => h.events(name).map((e) => `${e.type} ${e.reason} ${e.message}`);

describe('DefaultPreemption', () => {
  it('evicts a lower-priority pod, nominates its node, and schedules there once it is gone', async () => {
    const h = await harnessWith([pod('low', {}, '10')]);
    h.apply(pod('urgent', { priorityClassName: 'high' }, '8'));
    await h.pump.settle();
    const urgent = h.pod('urgent')!;
    expect(eventLines(h, 'urgent')).toEqual(['Warning FailedScheduling 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s).']);
    expect(urgent.status?.nominatedNodeName).toBe('node01');
    const low = h.pod('low')!;
    expect(low.metadata?.deletionTimestamp).toBeDefined();
    expect(low.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: '2026-11-22T22:00:10Z',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
      observedGeneration: 1,
    });
    expect(eventLines(h, 'low').filter((l) => l.includes('Preempted'))).toEqual([`Normal Preempted Preempted by pod ${urgent.metadata?.uid} on node node01`]);
    await h.pump.advance(31_000);
    expect(h.pod('low')).toBeUndefined();
    expect(h.pod('urgent')?.spec?.nodeName).toBe('node01');
    expect(h.pod('urgent')?.status?.nominatedNodeName).toBeUndefined();
  });

  it('keeps the freed room for the nominated pod while its victim terminates', async () => {
    const h = await harnessWith([pod('low', {}, '10')]);
    h.apply(pod('urgent', { priorityClassName: 'high' }, '8'));
    await h.pump.settle();
    h.apply(pod('latecomer', {}, '4'));
    await h.pump.settle();
    expect(eventLines(h, 'latecomer')).toEqual([
      'Warning FailedScheduling 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    ]);
  });

  it('spares the more important of two lower-priority pods', async () => {
    const h = await harnessWith([pod('cheap', {}, '6'), pod('dearer', { priorityClassName: 'mid' }, '6')]);
    h.apply(pod('urgent', { priorityClassName: 'high' }, '8'));
    await h.pump.settle();
    expect(h.pod('cheap')?.metadata?.deletionTimestamp).toBeDefined();
    expect(h.pod('dearer')?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('says why when evicting every lower-priority pod would still not make room', async () => {
    const h = await harnessWith([pod('peer', { priorityClassName: 'high' }, '10'), pod('low', {}, '2')]);
    h.apply(pod('urgent', { priorityClassName: 'high' }, '8'));
    await h.pump.settle();
    expect(eventLines(h, 'urgent')).toEqual([
      'Warning FailedScheduling 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 Preemption is not helpful for scheduling.',
    ]);
    expect(h.pod('low')?.metadata?.deletionTimestamp).toBeUndefined();
    expect(h.pod('urgent')?.status?.nominatedNodeName).toBeUndefined();
  });

  it('does not preempt again while its victim is terminating', async () => {
    const h = await harnessWith([pod('low', {}, '10')]);
    h.apply(pod('urgent', { priorityClassName: 'high' }, '8'));
    await h.pump.settle();
    const urgent = h.pod('urgent')!;
    h.server.handle({
      verb: 'update',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: 'urgent',
      body: { ...urgent, metadata: { ...urgent.metadata, labels: { retry: 'yes' } } } as KubeObject,
    });
    await h.pump.settle();
    expect(eventLines(h, 'urgent')).toEqual([
      'Warning FailedScheduling 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s).',
      'Warning FailedScheduling 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: not eligible due to a terminating pod on the nominated node.',
    ]);
  });

  it('never evicts pods of equal priority', async () => {
    const h = await harnessWith([pod('low', {}, '10')]);
    h.apply(pod('same', {}, '8'));
    await h.pump.settle();
    expect(eventLines(h, 'same')).toEqual([
      'Warning FailedScheduling 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    ]);
  });
});

const victim = (name: string, priority: number, startTime = '2026-11-22T21:00:00Z'): Pod => ({ metadata: { name }, spec: { containers: [], priority }, status: { startTime } });

// Case names after plugins/defaultpreemption/default_preemption_test.go TestSelectBestCandidate; the PDB case is ours.
const pickCases: { name: string; candidates: Candidate[]; want: string }[] = [
  {
    name: 'a pod that fits on both nodes when lower priority pods are preempted',
    candidates: [
      { node: 'node1', victims: [victim('p1', 100)], numPDBViolations: 0 },
      { node: 'node2', victims: [victim('p2', 100)], numPDBViolations: 0 },
    ],
    want: 'node1',
  },
  {
    name: 'node with min highest priority pod is picked',
    candidates: [
      { node: 'node1', victims: [victim('p1', 200), victim('p1b', 10)], numPDBViolations: 0 },
      { node: 'node2', victims: [victim('p2', 100), victim('p2b', 100)], numPDBViolations: 0 },
    ],
    want: 'node2',
  },
  {
    name: 'when highest priorities are the same, minimum sum of priorities is picked',
    candidates: [
      { node: 'node1', victims: [victim('p1', 100), victim('p1b', 50)], numPDBViolations: 0 },
      { node: 'node2', victims: [victim('p2', 100), victim('p2b', 10)], numPDBViolations: 0 },
    ],
    want: 'node2',
  },
  {
    name: 'when highest priority and sum are the same, minimum number of pods is picked',
    candidates: [
      // The sum shifts each priority by 2^31: one more victim at the lowest priority adds nothing.
      { node: 'node1', victims: [victim('p1', 100), victim('p1b', 0), victim('p1c', -(2 ** 31))], numPDBViolations: 0 },
      { node: 'node2', victims: [victim('p2', 100), victim('p2b', 0)], numPDBViolations: 0 },
    ],
    want: 'node2',
  },
  {
    name: 'when all other criteria are the same, latest StartTime is picked',
    candidates: [
      { node: 'node1', victims: [victim('p1', 100, '2026-11-22T20:00:00Z')], numPDBViolations: 0 },
      { node: 'node2', victims: [victim('p2', 100, '2026-11-22T21:00:00Z')], numPDBViolations: 0 },
    ],
    want: 'node2',
  },
  {
    name: 'a node without PDB violations wins over fewer, cheaper victims',
    candidates: [
      { node: 'node1', victims: [victim('p1', 0)], numPDBViolations: 1 },
      { node: 'node2', victims: [victim('p2', 100), victim('p2b', 100)], numPDBViolations: 0 },
    ],
    want: 'node2',
  },
];

describe('pickOneNodeForPreemption', () => {
  it.each(pickCases)('$name', ({ candidates, want }) => {
    expect(pickOneNodeForPreemption(candidates, 0)?.node).toBe(want);
  });
});
