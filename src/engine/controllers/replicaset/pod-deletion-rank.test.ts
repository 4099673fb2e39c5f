import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { rankPodsForDeletion } from './pod-deletion-rank.ts';

interface Shape {
  node?: string;
  phase?: string;
  readySince?: string;
  restarts?: number;
  created?: string;
}

function pod(name: string, shape: Shape): Pod {
  return {
    metadata: { name, creationTimestamp: shape.created ?? '2026-01-01T00:00:00Z' },
    spec: { containers: [], ...(shape.node ? { nodeName: shape.node } : {}) },
    status: {
      phase: shape.phase ?? 'Running',
      conditions: shape.readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: shape.readySince }] : [],
      containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: shape.restarts ?? 0 }],
    },
  };
}

// The rules of controller_utils.go ActivePods.Less, one case each: the first pod listed goes first.
describe('rankPodsForDeletion', () => {
  const cases: { name: string; pods: [string, Shape][]; want: string[] }[] = [
    {
      name: 'unassigned < assigned',
      pods: [
        ['a', { node: 'n1' }],
        ['b', {}],
      ],
      want: ['b', 'a'],
    },
    {
      name: 'PodPending < PodUnknown < PodRunning',
      pods: [
        ['a', { node: 'n', phase: 'Running' }],
        ['b', { node: 'n', phase: 'Unknown' }],
        ['c', { node: 'n', phase: 'Pending' }],
      ],
      want: ['c', 'b', 'a'],
    },
    {
      name: 'Not ready < ready',
      pods: [
        ['a', { node: 'n', readySince: '2026-01-01T00:00:00Z' }],
        ['b', { node: 'n' }],
      ],
      want: ['b', 'a'],
    },
    {
      name: 'Been ready for empty time < less time < more time',
      pods: [
        ['a', { node: 'n', readySince: '2026-01-01T00:00:00Z' }],
        ['b', { node: 'n', readySince: '2026-01-01T00:01:00Z' }],
      ],
      want: ['b', 'a'],
    },
    {
      name: 'Pods with containers with higher restart counts < lower restart counts',
      pods: [
        ['a', { node: 'n', restarts: 1 }],
        ['b', { node: 'n', restarts: 3 }],
      ],
      want: ['b', 'a'],
    },
    {
      name: 'Empty creation time pods < newer pods < older pods',
      pods: [
        ['a', { node: 'n', created: '2026-01-01T00:00:00Z' }],
        ['b', { node: 'n', created: '2026-01-01T00:05:00Z' }],
      ],
      want: ['b', 'a'],
    },
    {
      name: 'ties broken by name',
      pods: [
        ['b', { node: 'n' }],
        ['a', { node: 'n' }],
      ],
      want: ['a', 'b'],
    },
  ];
  it.each(cases)('$name', ({ pods, want }) => {
    expect(
      rankPodsForDeletion(
        pods.map(([name, shape]) => pod(name, shape)),
        0,
      ).map((p) => p.metadata!.name),
    ).toEqual(want);
  });
});

describe('rankPodsForDeletion with a limit', () => {
  // Forty pods over every rule: phases, nodes, ready times, restarts, ages and names.
  const many = Array.from({ length: 40 }, (_, i) =>
    pod(`p${(i * 7) % 40}`, {
      ...(i % 5 === 0 ? {} : { node: 'n' }),
      phase: ['Running', 'Pending', 'Unknown'][i % 3]!,
      ...(i % 4 === 0 ? {} : { readySince: `2026-01-01T00:0${i % 6}:00Z` }),
      restarts: i % 3,
      created: `2026-01-01T00:00:0${i % 7}Z`,
    }),
  );
  const names = (pods: Pod[]) => pods.map((p) => p.metadata!.name);
  const sorted = names(rankPodsForDeletion(many, 0));

  it.each([0, 1, 2, 4, 5, 39, 40, 50])('keeps the first %i of the full order', (limit) => {
    expect(names(rankPodsForDeletion(many, 0, limit))).toEqual(sorted.slice(0, limit));
  });
});
