import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

// In-place resize as a v1.35 kubelet carries it out: allocation (allocation_manager.go
// handlePodResourcesResize / canResizePod), actuation (computePodResizeAction), the status
// (convertContainerStatusResources, resize conditions) and the resize events (events/resize.go).
const resize = (h: Awaited<ReturnType<typeof createPodHarness>>, container: object) =>
  h.server.handle({
    verb: 'patch',
    group: '',
    version: 'v1',
    resource: 'pods',
    subresource: 'resize',
    namespace: 'default',
    name: 'web',
    patchType: 'application/strategic-merge-patch+json',
    body: { spec: { containers: [{ name: 'app', ...container }] } },
  });

const view = (pod: Pod) => ({
  generation: pod.metadata?.generation,
  observedGeneration: (pod.status as { observedGeneration?: number } | undefined)?.observedGeneration,
  resizeConditions: (pod.status?.conditions ?? [])
    .filter((c) => c.type.startsWith('PodResize'))
    .map((c) => ({
      type: c.type,
      reason: c.reason,
      message: c.message,
      observedGeneration: (c as { observedGeneration?: number }).observedGeneration,
    })),
  status: pod.status?.containerStatuses?.map((s) => ({
    allocatedResources: s.allocatedResources,
    resources: s.resources,
    restartCount: s.restartCount,
  })),
});

async function runningPod(resources: object, resizePolicy?: object[]) {
  const h = await createPodHarness();
  h.apply({
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx',
          resources,
          ...(resizePolicy ? { resizePolicy } : {}),
        },
      ],
    },
  });
  await h.pump.advance(10_000);
  return h;
}

const guaranteed = {
  requests: { cpu: '500m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '128Mi' },
};

describe('in-place pod resize', () => {
  it('reports allocated and actual resources of a running container', async () => {
    const h = await runningPod({
      requests: { cpu: '250m', memory: '100M' },
      limits: { cpu: '1', memory: '100M' },
    });
    expect(view(h.pod('web')!).status).toEqual([
      {
        allocatedResources: { cpu: '250m', memory: '100M' },
        resources: {
          limits: { cpu: '1', memory: '100000000' },
          requests: { cpu: '250m', memory: '100M' },
        },
        restartCount: 0,
      },
    ]);
  });

  it('resizes cpu in place: no restart, ResizeStarted then ResizeCompleted', async () => {
    const h = await runningPod(guaranteed);
    expect(
      resize(h, {
        resources: { requests: { cpu: '800m' }, limits: { cpu: '800m' } },
      }).ok,
    ).toBe(true);
    await h.pump.advance(5_000);
    const resized = {
      limits: { cpu: '800m', memory: '128Mi' },
      requests: { cpu: '800m', memory: '128Mi' },
    };
    expect(view(h.pod('web')!)).toEqual({
      generation: 2,
      observedGeneration: 2,
      resizeConditions: [],
      status: [
        {
          allocatedResources: resized.requests,
          resources: resized,
          restartCount: 0,
        },
      ],
    });
    const summary = '{"containers":[{"name":"app","resources":{"limits":{"cpu":"800m","memory":"128Mi"},"requests":{"cpu":"800m","memory":"128Mi"}}}],"generation":2}';
    expect(
      h
        .events('web')
        .filter((e) => e.reason.startsWith('Resize'))
        .map((e) => `${e.type} ${e.reason} ${e.message}`),
    ).toEqual([`Normal ResizeStarted Pod resize started: ${summary}`, `Normal ResizeCompleted Pod resize completed: ${summary}`]);
  });

  it('restarts the container for a memory resize under RestartContainer', async () => {
    const h = await runningPod(guaranteed, [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }]);
    resize(h, {
      resources: { requests: { memory: '256Mi' }, limits: { memory: '256Mi' } },
    });
    await h.pump.advance(40_000);
    expect(view(h.pod('web')!).status?.[0]?.restartCount).toBe(1);
    expect(view(h.pod('web')!).status?.[0]?.resources).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '500m', memory: '256Mi' },
    });
    expect(
      h
        .events('web')
        .filter((e) => e.reason === 'Killing')
        .map((e) => `${e.fieldPath}: ${e.message}`),
    ).toEqual(['spec.containers{app}: Container app resize requires restart']);
  });

  it('leaves an infeasible resize pending, the container as it was', async () => {
    const h = await runningPod(guaranteed);
    resize(h, {
      resources: { requests: { cpu: '64' }, limits: { cpu: '64' } },
    });
    await h.pump.advance(5_000);
    const message = "Node didn't have enough capacity: cpu, requested: 64000, capacity: 16000";
    expect(view(h.pod('web')!)).toEqual({
      generation: 2,
      observedGeneration: 2,
      resizeConditions: [
        {
          type: 'PodResizePending',
          reason: 'Infeasible',
          message,
          observedGeneration: 2,
        },
      ],
      status: [
        {
          allocatedResources: guaranteed.requests,
          resources: {
            limits: guaranteed.limits,
            requests: guaranteed.requests,
          },
          restartCount: 0,
        },
      ],
    });
    expect(
      h
        .events('web')
        .filter((e) => e.reason.startsWith('Resize'))
        .map((e) => `${e.type} ${e.reason} ${e.message}`),
    ).toEqual([
      `Warning ResizeInfeasible Pod resize Infeasible: {"containers":[{"name":"app","resources":{"limits":{"cpu":"64","memory":"128Mi"},"requests":{"cpu":"64","memory":"128Mi"}}}],"generation":2,"error":"${message}"}`,
    ]);
  });

  it('defers a resize the other pods leave no room for, and applies it once they are gone', async () => {
    const h = await runningPod(guaranteed);
    const node = h.pod('web')!.spec!.nodeName!;
    h.apply({
      kind: 'Pod',
      metadata: { name: 'hog' },
      spec: {
        nodeName: node,
        containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '15' } } }],
      },
    });
    await h.pump.advance(5_000);
    resize(h, { resources: { requests: { cpu: '2' }, limits: { cpu: '2' } } });
    await h.pump.advance(5_000);
    expect(view(h.pod('web')!).resizeConditions).toEqual([
      {
        type: 'PodResizePending',
        reason: 'Deferred',
        message: "Node didn't have enough resource: cpu, requested: 2000, used: 15000, capacity: 16000",
        observedGeneration: 2,
      },
    ]);
    h.server.handle({
      verb: 'delete',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: 'hog',
      query: { gracePeriodSeconds: 0 },
    });
    await h.pump.advance(120_000);
    expect(view(h.pod('web')!).resizeConditions).toEqual([]);
    expect(view(h.pod('web')!).status?.[0]?.resources?.limits).toEqual({
      cpu: '2',
      memory: '128Mi',
    });
  });
});
