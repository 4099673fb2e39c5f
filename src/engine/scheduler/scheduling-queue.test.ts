import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { SchedulingQueue } from './scheduling-queue.ts';

describe('SchedulingQueue.hasParkedRejectedBy', () => {
  const cases: { name: string; park: [string, string[]][]; unpark: string[]; plugins: string[]; want: boolean }[] = [
    { name: 'is false with no parked pod', park: [], unpark: [], plugins: ['NodeResourcesFit'], want: false },
    {
      name: 'is true for a plugin that rejected a parked pod',
      park: [['default/a', ['NodeResourcesFit', 'TaintToleration']]],
      unpark: [],
      plugins: ['NodeResourcesFit'],
      want: true,
    },
    {
      name: 'is false for plugins that rejected no parked pod',
      park: [['default/a', ['NodeResourcesFit']]],
      unpark: [],
      plugins: ['InterPodAffinity', 'PodTopologySpread'],
      want: false,
    },
    { name: 'forgets a pod that went back to the active queue', park: [['default/a', ['InterPodAffinity']]], unpark: ['default/a'], plugins: ['InterPodAffinity'], want: false },
    {
      name: 'counts a pod parked twice once',
      park: [
        ['default/a', ['InterPodAffinity']],
        ['default/a', ['NodeResourcesFit']],
      ],
      unpark: [],
      plugins: ['InterPodAffinity'],
      want: false,
    },
  ];
  it.each(cases)('$name', ({ park, unpark, plugins, want }) => {
    const queue = new SchedulingQueue(new VirtualClock(0), () => {});
    for (const [key, rejectors] of park) queue.addUnschedulable(key, 0, new Set(rejectors));
    for (const key of unpark) queue.add(key, 0);
    expect(queue.hasParkedRejectedBy(plugins)).toBe(want);
  });
});

describe('SchedulingQueue order', () => {
  it('tries a parked pod moved back before a pod queued later at its priority, and a higher priority first', () => {
    const clock = new VirtualClock(0);
    const tried: string[] = [];
    const queue = new SchedulingQueue(clock, (key) => tried.push(key));
    queue.addUnschedulable('default/parked', 0, new Set(['NodeResourcesFit']));
    clock.advance(1000);
    queue.add('default/new', 0);
    queue.add('default/urgent', 1000);
    queue.moveOnEvent(() => true);
    clock.runDue();
    expect(tried).toEqual(['default/urgent', 'default/parked', 'default/new']);
  });
});
