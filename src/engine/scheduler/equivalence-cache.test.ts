import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';
import { equivalenceKey } from './equivalence-cache.ts';
import { newPodInfo } from './node-info.ts';

const template = (spec: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Pod => ({
  metadata: { namespace: 'default', labels: { app: 'web' } },
  spec: { ...spec, containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '100m' } }, ...container }] },
});
const keyOf = (pod: Pod) => equivalenceKey(pod, newPodInfo(pod));

describe('equivalenceKey', () => {
  const base = keyOf(template());
  const cases = [
    { name: 'another pod of the template shares the class', pod: template(), same: true },
    { name: 'other labels share the class: no filter here reads them', pod: { ...template(), metadata: { namespace: 'default', labels: { app: 'api' } } }, same: true },
    { name: 'other requests make another class', pod: template({}, { resources: { requests: { cpu: '200m' } } }), same: false },
    { name: 'a toleration makes another class', pod: template({ tolerations: [{ operator: 'Exists' }] }), same: false },
    { name: 'a node selector makes another class', pod: template({ nodeSelector: { disk: 'ssd' } }), same: false },
    { name: 'a host port makes another class', pod: template({}, { ports: [{ containerPort: 80, hostPort: 8080 }] }), same: false },
    { name: 'another namespace makes another class', pod: { ...template(), metadata: { namespace: 'other' } }, same: false },
  ];
  it.each(cases)('$name', ({ pod, same }) => {
    expect(base).toBeDefined();
    expect(keyOf(pod) === base).toBe(same);
  });

  const excluded = [
    {
      name: 'pod anti-affinity',
      pod: template({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname' }] } } }),
    },
    { name: 'pod affinity', pod: template({ affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } } }) },
    { name: 'a DoNotSchedule spread constraint', pod: template({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] }) },
    { name: 'a claim', pod: template({ volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }) },
    { name: 'a nomination', pod: { ...template(), status: { nominatedNodeName: 'node01' } } },
  ];
  it.each(excluded)('leaves a pod with $name out of every class', ({ pod }) => {
    expect(keyOf(pod)).toBeUndefined();
  });
});

const pod = (name: string, cpu: string): KubeObject => ({
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], resources: { requests: { cpu } } }] },
});
const PENDING =
  '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.';

describe('Scheduler retries of one class', () => {
  it('gives the room a deletion frees to the first pod of the class; the rest stay with the same message', async () => {
    const h = await createPodHarness();
    h.apply(pod('big', '10'));
    await h.pump.settle();
    for (const name of ['web-1', 'web-2', 'web-3']) h.apply(pod(name, '9'));
    await h.pump.settle();
    h.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'big', query: { gracePeriodSeconds: 0 } });
    await h.pump.settle();
    expect(['web-1', 'web-2', 'web-3'].map((name) => h.pod(name)?.spec?.nodeName ?? '')).toEqual(['node01', '', '']);
    for (const name of ['web-2', 'web-3']) {
      expect(h.events(name).map((e) => `${e.reason} ${e.count} ${e.message}`)).toEqual([`FailedScheduling 2 ${PENDING}`]);
      expect(h.pod(name)?.status?.conditions?.map((c) => c.message)).toEqual([PENDING]);
    }
    // The next deletion frees the same node again: the cached verdict must see it changed.
    h.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web-1', query: { gracePeriodSeconds: 0 } });
    await h.pump.settle();
    expect(['web-2', 'web-3'].map((name) => h.pod(name)?.spec?.nodeName ?? '')).toEqual(['node01', '']);
  });

  it('schedules the class on the control plane once its taint is removed', async () => {
    const h = await createPodHarness();
    h.apply(pod('big', '10'));
    await h.pump.settle();
    for (const name of ['web-1', 'web-2']) h.apply(pod(name, '9'));
    await h.pump.settle();
    const node = h.server.handle({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'controlplane' }).body as KubeObject & { spec?: object };
    h.server.handle({ verb: 'update', group: '', version: 'v1', resource: 'nodes', name: 'controlplane', body: { ...node, spec: { ...node.spec, taints: [] } } });
    await h.pump.settle();
    expect(['web-1', 'web-2'].map((name) => h.pod(name)?.spec?.nodeName ?? '')).toEqual(['controlplane', '']);
  });
});
