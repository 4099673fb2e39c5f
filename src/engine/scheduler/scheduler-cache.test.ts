import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { SchedulerCache } from './scheduler-cache.ts';

const spec = (cpu: string): PodSpec => Object.freeze({ nodeName: 'node01', containers: [{ name: 'c', resources: { requests: { cpu } } }] });
const pod = (podSpec: PodSpec, phase: string, labels: Record<string, string> = {}): Pod => ({
  metadata: { uid: 'u1', name: 'p', namespace: 'default', labels },
  spec: podSpec,
  status: { phase },
});

describe('SchedulerCache.updatePod', () => {
  const shared = spec('100m');
  const cases: { name: string; updates: Pod[]; want: { milliCpu: number; pods: number; labels: Record<string, string> | undefined } }[] = [
    {
      name: 'keeps the requests of a pod whose status alone changed',
      updates: [pod(shared, 'Pending'), pod(shared, 'Running', { v: '2' })],
      want: { milliCpu: 100, pods: 1, labels: { v: '2' } },
    },
    { name: 'counts the requests of a pod whose spec changed', updates: [pod(shared, 'Running'), pod(spec('250m'), 'Running')], want: { milliCpu: 250, pods: 1, labels: {} } },
    { name: 'drops a pod that finished', updates: [pod(shared, 'Running'), pod(shared, 'Succeeded')], want: { milliCpu: 0, pods: 0, labels: undefined } },
  ];
  it.each(cases)('$name', ({ updates, want }) => {
    const cache = new SchedulerCache();
    for (const update of updates) cache.updatePod(update);
    const info = cache.nodeInfo('node01');
    expect({ milliCpu: info?.requested.milliCpu ?? 0, pods: info?.pods.size ?? 0, labels: info?.pods.get('u1')?.pod.metadata?.labels }).toEqual(want);
  });
});
