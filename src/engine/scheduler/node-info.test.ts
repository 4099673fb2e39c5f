import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { NodeInfo, newPodInfo } from './node-info.ts';

const pod = (uid: string, priority?: number): Pod => ({
  metadata: { uid, name: uid, namespace: 'default' },
  spec: { containers: [], ...(priority !== undefined ? { priority } : {}) },
});

type Step = { add: Pod } | { remove: string };

describe('NodeInfo.lowestPodPriority', () => {
  const cases: { name: string; steps: Step[]; want: number }[] = [
    { name: 'is +Infinity on an empty node', steps: [], want: Number.POSITIVE_INFINITY },
    { name: 'counts a pod without priority as 0', steps: [{ add: pod('a', 5) }, { add: pod('b') }], want: 0 },
    { name: 'follows the lowest of several pods', steps: [{ add: pod('a', 5) }, { add: pod('b', -3) }, { add: pod('c', 7) }], want: -3 },
    { name: 'rises when the lowest pod leaves', steps: [{ add: pod('a', 5) }, { add: pod('b', -3) }, { remove: 'b' }], want: 5 },
    { name: 'stays while a pod of the same priority remains', steps: [{ add: pod('a', 1) }, { add: pod('b', 1) }, { remove: 'a' }], want: 1 },
    { name: 'follows a pod replaced under the same uid', steps: [{ add: pod('a', 1) }, { add: pod('a', 9) }], want: 9 },
    { name: 'is +Infinity again once every pod left', steps: [{ add: pod('a', 2) }, { remove: 'a' }], want: Number.POSITIVE_INFINITY },
  ];
  it.each(cases)('$name', ({ steps, want }) => {
    const node = new NodeInfo();
    for (const step of steps) {
      if ('add' in step) node.addPod(newPodInfo(step.add));
      else node.removePod(step.remove);
      // Asked between steps too, so a cached answer must survive the next change.
      node.lowestPodPriority();
    }
    expect(node.lowestPodPriority()).toBe(want);
  });
});

describe('NodeInfo.podsWithRequiredAntiAffinity', () => {
  const antiAffinity = (uid: string): Pod => ({
    ...pod(uid),
    spec: {
      containers: [],
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } },
    },
  });
  const preferredOnly: Pod = {
    ...pod('p'),
    spec: { containers: [], affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } } },
  };
  const cases: { name: string; steps: Step[]; want: string[] }[] = [
    { name: 'lists only pods with required anti-affinity', steps: [{ add: pod('a') }, { add: antiAffinity('b') }, { add: preferredOnly }], want: ['b'] },
    { name: 'forgets a pod that left', steps: [{ add: antiAffinity('a') }, { add: antiAffinity('b') }, { remove: 'a' }], want: ['b'] },
    { name: 'forgets a pod replaced by one without the terms', steps: [{ add: antiAffinity('a') }, { add: pod('a') }], want: [] },
  ];
  it.each(cases)('$name', ({ steps, want }) => {
    const node = new NodeInfo();
    for (const step of steps) {
      if ('add' in step) node.addPod(newPodInfo(step.add));
      else node.removePod(step.remove);
    }
    expect([...node.podsWithRequiredAntiAffinity.keys()]).toEqual(want);
  });
});

describe('NodeInfo.memoizedCount', () => {
  const cases: { name: string; change: (node: NodeInfo) => void }[] = [
    { name: 'forgets its answers when a pod is added', change: (node) => node.addPod(newPodInfo(pod('b'))) },
    { name: 'forgets its answers when a pod leaves', change: (node) => node.removePod('a') },
    { name: 'forgets its answers when a pod is replaced', change: (node) => node.replacePod(newPodInfo(pod('a', 3))) },
  ];
  it.each(cases)('$name', ({ change }) => {
    const node = new NodeInfo();
    node.addPod(newPodInfo(pod('a')));
    let computed = 0;
    const count = () => ++computed;
    expect([node.memoizedCount('k', count), node.memoizedCount('k', count)]).toEqual([1, 1]);
    change(node);
    expect(node.memoizedCount('k', count)).toBe(2);
  });
});
