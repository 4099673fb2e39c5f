import { describe, expect, it } from 'vitest';
import { ActiveQueue, type QueuedPod } from './active-queue.ts';

const lowPriority = 1;
const highPriority = 10;

// Models pkg/scheduler/framework/plugins/queuesort/priority_sort_test.go TestLess: p1 is added
// first; `first` is the pod the queue must pop first.
const cases: { name: string; p1: Omit<QueuedPod, 'key'>; p2: Omit<QueuedPod, 'key'>; first: 'p1' | 'p2' }[] = [
  { name: 'p1.priority less than p2.priority', p1: { priority: lowPriority, timestampMs: 0 }, p2: { priority: highPriority, timestampMs: 0 }, first: 'p2' },
  { name: 'p1.priority greater than p2.priority', p1: { priority: highPriority, timestampMs: 0 }, p2: { priority: lowPriority, timestampMs: 0 }, first: 'p1' },
  {
    name: 'equal priority. p1 is added to schedulingQ earlier than p2',
    p1: { priority: highPriority, timestampMs: 0 },
    p2: { priority: highPriority, timestampMs: 1000 },
    first: 'p1',
  },
  {
    name: 'equal priority. p2 is added to schedulingQ earlier than p1',
    p1: { priority: highPriority, timestampMs: 1000 },
    p2: { priority: highPriority, timestampMs: 0 },
    first: 'p2',
  },
  { name: 'equal priority and timestamp: arrival order', p1: { priority: highPriority, timestampMs: 0 }, p2: { priority: highPriority, timestampMs: 0 }, first: 'p1' },
];

describe('ActiveQueue', () => {
  it.each(cases)('$name', ({ p1, p2, first }) => {
    const queue = new ActiveQueue();
    queue.add({ key: 'p1', ...p1 });
    queue.add({ key: 'p2', ...p2 });
    expect(queue.pop()?.key).toBe(first);
  });

  it('pops many pods by priority, then timestamp, then arrival', () => {
    const queue = new ActiveQueue();
    const pods: QueuedPod[] = [
      { key: 'a', priority: 0, timestampMs: 5 },
      { key: 'b', priority: 100, timestampMs: 9 },
      { key: 'c', priority: 0, timestampMs: 1 },
      { key: 'd', priority: -5, timestampMs: 0 },
      { key: 'e', priority: 100, timestampMs: 2 },
      { key: 'f', priority: 0, timestampMs: 5 },
      { key: 'g', priority: 2_000_000_000, timestampMs: 7 },
    ];
    for (const pod of pods) queue.add(pod);
    const popped: string[] = [];
    for (let pod = queue.pop(); pod; pod = queue.pop()) popped.push(pod.key);
    expect(popped).toEqual(['g', 'e', 'b', 'c', 'a', 'f', 'd']);
  });

  it('keeps a queued pod in its place when it is added again', () => {
    const queue = new ActiveQueue();
    queue.add({ key: 'a', priority: 0, timestampMs: 0 });
    queue.add({ key: 'b', priority: 0, timestampMs: 0 });
    expect(queue.add({ key: 'a', priority: 0, timestampMs: 3 })).toBe(false);
    expect([queue.pop()?.key, queue.pop()?.key, queue.pop()]).toEqual(['a', 'b', undefined]);
    expect(queue.has('a')).toBe(false);
  });
});
