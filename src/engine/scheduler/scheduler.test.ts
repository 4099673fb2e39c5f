import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const pod = (name: string, spec: Record<string, unknown>, container: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject => ({
  kind: 'Pod',
  metadata: { name, ...(labels ? { labels } : {}) },
  spec: { ...spec, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], ...container }] },
});
const cpu = (amount: string) => ({ resources: { requests: { cpu: amount } } });

// The messages of a v1.35 kube-scheduler: pkg/scheduler/framework/types.go FitError.Error, then
// DefaultPreemption's PostFilter (preemption.go), on the cluster's controlplane (tainted) and node01.
const cases = [
  {
    name: 'a node selector nobody matches, the control plane tainted',
    existing: [],
    pod: pod('picky', { nodeSelector: { disk: 'ssd' } }),
    message:
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: 'more cpu than any node has is unresolvable',
    existing: [],
    pod: pod('picky', { tolerations: [{ operator: 'Exists' }] }, cpu('64')),
    message: '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
  },
  {
    name: 'more cpu than the worker has left, the control plane tainted',
    existing: [pod('big', {}, cpu('10'))],
    pod: pod('picky', {}, cpu('8')),
    message:
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
  },
  {
    name: 'cpu and memory both short on the worker',
    existing: [pod('big', {}, { resources: { requests: { cpu: '10', memory: '40Gi' } } })],
    pod: pod('picky', {}, { resources: { requests: { cpu: '8', memory: '30Gi' } } }),
    message:
      '0/2 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
  },
  {
    name: 'a host port already taken',
    existing: [pod('web', {}, { ports: [{ containerPort: 80, hostPort: 8080 }] })],
    pod: pod('picky', {}, { ports: [{ containerPort: 80, hostPort: 8080 }] }),
    message:
      "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
  },
  {
    name: 'required anti-affinity against a pod on the worker',
    existing: [pod('db', {}, {}, { app: 'db' })],
    pod: pod('picky', {
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    }),
    message:
      "0/2 nodes are available: 1 node(s) didn't match pod anti-affinity rules, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
  },
  {
    name: 'required affinity to a pod nobody runs',
    existing: [pod('db', {}, {}, { app: 'db' })],
    pod: pod('picky', {
      tolerations: [{ operator: 'Exists' }],
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' }] } },
    }),
    message: "0/2 nodes are available: 2 node(s) didn't match pod affinity rules. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: "a hostname spread constraint held back by the control plane's empty domain",
    // nodeTaintsPolicy defaults to Ignore: the tainted control plane still counts, with 0 pods.
    existing: [pod('first', {}, {}, { app: 'spread' })],
    pod: pod(
      'picky',
      { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'spread' } } }] },
      {},
      { app: 'spread' },
    ),
    message:
      "0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
  },
  {
    name: 'a spread constraint over a topology key no node carries',
    existing: [],
    pod: pod('picky', {
      tolerations: [{ operator: 'Exists' }],
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'spread' } } },
      ],
    }),
    message:
      "0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: 'a pod that may not preempt says so',
    // The Priority admission plugin takes a pod's preemptionPolicy from its PriorityClass only.
    existing: [{ kind: 'PriorityClass', metadata: { name: 'no-preempt' }, value: 1000, preemptionPolicy: 'Never' }],
    pod: pod('picky', { priorityClassName: 'no-preempt', tolerations: [{ operator: 'Exists' }] }, cpu('64')),
    message: '0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
  },
];

describe('Scheduler FailedScheduling', () => {
  it.each(cases)('$name', async ({ existing, pod: picky, message }) => {
    const h = await createPodHarness();
    for (const p of existing) h.apply(p);
    await h.pump.settle();
    h.apply(picky);
    await h.pump.settle();
    expect(h.events('picky').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([`Warning FailedScheduling ${message}`]);
    expect(h.pod('picky')?.status?.conditions).toEqual([
      { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-11-22T22:00:00Z', reason: 'Unschedulable', message, observedGeneration: 1 },
    ]);
  });
});

describe('Scheduler retries', () => {
  it('schedules a pending pod once a pod that held its cpu is deleted', async () => {
    const h = await createPodHarness();
    h.apply(pod('big', {}, cpu('10')));
    await h.pump.settle();
    h.apply(pod('picky', {}, cpu('8')));
    await h.pump.settle();
    expect(h.pod('picky')?.spec?.nodeName).toBeUndefined();
    h.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'big', query: { gracePeriodSeconds: 0 } });
    await h.pump.settle();
    expect(h.pod('picky')?.spec?.nodeName).toBe('node01');
    expect(h.events('picky').map((e) => e.reason)).toEqual(['FailedScheduling', 'Scheduled']);
  });

  it('leaves a pod its node selector rejects alone when pods come and go, and tries again at the flush after five minutes', async () => {
    const h = await createPodHarness();
    h.apply(pod('picky', { nodeSelector: { disk: 'ssd' } }));
    await h.pump.settle();
    h.apply(pod('other', {}));
    await h.pump.settle();
    h.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'other', query: { gracePeriodSeconds: 0 } });
    await h.pump.advance(60_000);
    expect(h.events('picky').map((e) => e.count)).toEqual([1]);
    // flushUnschedulablePodsLeftover runs every 30 s and moves pods parked for more than 5 minutes: at 5m30s.
    await h.pump.advance(269_000);
    expect(h.events('picky').map((e) => e.count)).toEqual([1]);
    await h.pump.advance(1_000);
    expect(h.events('picky').map((e) => e.count)).toEqual([2]);
  });

  it('schedules a pod whose node selector a relabelled node now matches', async () => {
    const h = await createPodHarness();
    h.apply(pod('picky', { nodeSelector: { disk: 'ssd' } }));
    await h.pump.settle();
    const node = h.server.handle({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'node01' }).body as KubeObject;
    const labels = { ...node.metadata!.labels, disk: 'ssd' };
    h.server.handle({ verb: 'update', group: '', version: 'v1', resource: 'nodes', name: 'node01', body: { ...node, metadata: { ...node.metadata, labels } } });
    await h.pump.settle();
    expect(h.pod('picky')?.spec?.nodeName).toBe('node01');
  });
});
