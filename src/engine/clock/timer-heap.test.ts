import { describe, expect, it } from 'vitest';
import { TimerHeap } from './timer-heap.ts';

describe('TimerHeap', () => {
  const cases: { name: string; timers: [id: number, atMs: number][]; cancel?: number[]; want: number[] }[] = [
    {
      name: 'runs timers in time order',
      timers: [
        [1, 30],
        [2, 10],
        [3, 20],
      ],
      want: [2, 3, 1],
    },
    {
      name: 'runs timers due at one instant in the order they were scheduled',
      timers: [
        [1, 5],
        [2, 5],
        [3, 1],
        [4, 5],
      ],
      want: [3, 1, 2, 4],
    },
    {
      name: 'skips cancelled timers',
      timers: [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
      cancel: [1, 3],
      want: [2],
    },
    { name: 'ignores cancelling an unknown timer', timers: [[1, 1]], cancel: [9], want: [1] },
  ];
  it.each(cases)('$name', ({ timers, cancel = [], want }) => {
    const heap = new TimerHeap();
    timers.forEach(([id, atMs], seq) => heap.push({ id, atMs, seq, run: () => {} }));
    for (const id of cancel) heap.cancel(id);
    expect(heap.size).toBe(want.length);
    const order: number[] = [];
    for (let t = heap.pop(); t; t = heap.pop()) order.push(t.id);
    expect(order).toEqual(want);
  });

  it('keeps (atMs, seq) order over many random pushes', () => {
    const heap = new TimerHeap();
    let x = 7;
    for (let seq = 0; seq < 500; seq++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      heap.push({ id: seq, atMs: x % 50, seq, run: () => {} });
    }
    const popped: [number, number][] = [];
    for (let t = heap.pop(); t; t = heap.pop()) popped.push([t.atMs, t.seq]);
    const sorted = [...popped].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(popped).toEqual(sorted);
  });

  it('keeps (atMs, seq) order when cancelling most timers rebuilds the heap', () => {
    const heap = new TimerHeap();
    for (let seq = 0; seq < 3000; seq++) heap.push({ id: seq, atMs: (seq * 7919) % 100, seq, run: () => {} });
    for (let id = 0; id < 3000; id++) if (id % 3 !== 0) heap.cancel(id);
    const popped: [number, number][] = [];
    for (let t = heap.pop(); t; t = heap.pop()) popped.push([t.atMs, t.seq]);
    const want = Array.from({ length: 1000 }, (_, i) => [((i * 3 * 7919) % 100) as number, i * 3] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(popped).toEqual(want);
  });
});
