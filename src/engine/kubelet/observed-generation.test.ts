import { describe, expect, it } from 'vitest';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

// PodObservedGenerationTracking is GA in v1.35: the apiserver counts spec changes in
// metadata.generation (PrepareForCreate, updatePodGeneration, BeforeDelete) and whoever writes a
// condition or the status stamps the generation it acted on.
const generations = (pod: {
  metadata?: { generation?: number };
  status?: {
    observedGeneration?: number;
    conditions?: { type: string; observedGeneration?: number }[];
  };
}) => ({
  generation: pod.metadata?.generation,
  observedGeneration: pod.status?.observedGeneration,
  conditions: Object.fromEntries((pod.status?.conditions ?? []).map((c) => [c.type, c.observedGeneration])),
});

describe('pod generation tracking', () => {
  it('starts at generation 1, observed by the binding and the kubelet', async () => {
    const h = await createPodHarness();
    h.apply({
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    await h.pump.advance(10_000);
    expect(generations(h.pod('web')!)).toEqual({
      generation: 1,
      observedGeneration: 1,
      conditions: {
        PodReadyToStartContainers: 1,
        Initialized: 1,
        Ready: 1,
        ContainersReady: 1,
        PodScheduled: 1,
      },
    });
  });

  it('counts an image change as generation 2, which the kubelet then reports', async () => {
    const h = await createPodHarness();
    h.apply({
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    await h.pump.advance(10_000);
    const patched = h.server.handle({
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      patchType: 'application/strategic-merge-patch+json',
      body: { spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
    });
    expect(patched.ok).toBe(true);
    await h.pump.advance(10_000);
    expect(generations(h.pod('web')!)).toEqual({
      generation: 2,
      observedGeneration: 2,
      conditions: {
        PodReadyToStartContainers: 2,
        Initialized: 2,
        Ready: 2,
        ContainersReady: 2,
        PodScheduled: 1,
      },
    });
  });

  it('stamps an unschedulable pod with the generation the scheduler judged', async () => {
    const h = await createPodHarness();
    h.apply({
      kind: 'Pod',
      metadata: { name: 'picky' },
      spec: {
        nodeSelector: { disk: 'ssd' },
        containers: [{ name: 'c', image: 'nginx' }],
      },
    });
    await h.pump.settle();
    expect(generations(h.pod('picky')!)).toEqual({
      generation: 1,
      observedGeneration: undefined,
      conditions: { PodScheduled: 1 },
    });
  });
});
