import { describe, expect, it } from 'vitest';
import { MAX_POD_DOTS, podGlyphs, podsByOwner, type PodView } from './pod-glyphs.ts';

const pods = (count: number, status: string, ready = '1/1', prefix = status): PodView[] => Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i}`, ready, status }));

describe('podGlyphs', () => {
  const cases = [
    { name: 'no pods', pods: [], expected: { kind: 'dots', pods: [] } },
    { name: 'as many pods as dots fit', pods: pods(MAX_POD_DOTS, 'Running'), expected: { kind: 'dots', pods: pods(MAX_POD_DOTS, 'Running') } },
    {
      name: 'one pod more than fits, grouped by state, most first',
      pods: [...pods(30, 'ContainerCreating', '0/1'), ...pods(9, 'Running'), ...pods(2, 'Running', '0/1', 'unready')],
      expected: {
        kind: 'groups',
        total: 41,
        groups: [
          { color: '#4a90d9', label: 'ContainerCreating', count: 30 },
          { color: '#3aa655', label: 'Running', count: 9 },
          { color: '#d9a520', label: 'Running 0/1', count: 2 },
        ],
      },
    },
    {
      name: 'a thousand pods in two states',
      pods: [...pods(750, 'Running'), ...pods(250, 'Terminating')],
      expected: {
        kind: 'groups',
        total: 1000,
        groups: [
          { color: '#3aa655', label: 'Running', count: 750 },
          { color: '#888', label: 'Terminating', count: 250 },
        ],
      },
    },
  ];
  it.each(cases)('$name', ({ pods, expected }) => {
    expect(podGlyphs(pods)).toEqual(expected);
  });
});

describe('podsByOwner', () => {
  it('sorts pods to their ReplicaSet in snapshot order and leaves out unowned ones', () => {
    const snapshot = [
      { name: 'a-1', ready: '1/1', status: 'Running', owner: 'a' },
      { name: 'lone', ready: '1/1', status: 'Running' },
      { name: 'b-1', ready: '0/1', status: 'Pending', owner: 'b' },
      { name: 'a-2', ready: '1/1', status: 'Running', owner: 'a' },
    ];
    expect([...podsByOwner(snapshot)]).toEqual([
      ['a', [snapshot[0], snapshot[3]]],
      ['b', [snapshot[2]]],
    ]);
  });
});
