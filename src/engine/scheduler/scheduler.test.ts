import { describe, expect, it } from 'vitest';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

// Models pkg/scheduler/schedule_one.go FitError plus DefaultPreemption's PostFilter message, as a
// v1.35 kube-scheduler writes them.
const cases = [
  {
    name: 'a node selector nobody matches, the control plane tainted',
    spec: { nodeSelector: { disk: 'ssd' } },
    message:
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: 'more cpu than any node has',
    spec: {
      tolerations: [{ operator: 'Exists' }],
      resources: { requests: { cpu: '64' } },
    },
    message: '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
  },
  {
    name: 'more cpu than the worker has, the control plane tainted',
    spec: { resources: { requests: { cpu: '64' } } },
    message:
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
  },
];

describe('Scheduler FailedScheduling', () => {
  it.each(cases)('$name', async ({ spec, message }) => {
    const h = await createPodHarness();
    const { resources, ...podSpec } = spec as {
      resources?: object;
      [k: string]: unknown;
    };
    h.apply({
      kind: 'Pod',
      metadata: { name: 'picky' },
      spec: {
        ...podSpec,
        containers: [{ name: 'c', image: 'busybox', ...(resources ? { resources } : {}) }],
      },
    });
    await h.pump.settle();
    expect(h.events('picky').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([`Warning FailedScheduling ${message}`]);
  });
});
