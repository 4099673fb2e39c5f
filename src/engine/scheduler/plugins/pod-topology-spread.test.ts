import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { CycleState } from '../framework.ts';
import { NodeInfo, newPodInfo } from '../node-info.ts';
import { podTopologySpreadFilter, podTopologySpreadScore } from './pod-topology-spread.ts';

/** "node-a/zone1" → a node labelled node=node-a (and zone=zone1 when given; "zon=" misspells the key). */
function makeNode(spec: string): Node {
  const [name, zone] = spec.split('/') as [string, string | undefined];
  const labels: Record<string, string> = { node: name, 'kubernetes.io/hostname': name };
  if (zone?.startsWith('zon=')) labels.zon = zone.slice(4);
  else if (zone) labels.zone = zone;
  return { metadata: { name, labels } };
}

let uid = 0;
const makePod = (labels: Record<string, string>, spec: Partial<Pod['spec']> = {}, meta: Partial<Pod['metadata']> = {}): Pod => ({
  metadata: { name: `p${++uid}`, namespace: 'default', uid: `u${uid}`, labels, ...meta },
  spec: { containers: [], ...spec },
});
const exists = (key: string) => ({ matchExpressions: [{ key, operator: 'Exists' }] });
const spread = (
  maxSkew: number,
  topologyKey: string,
  whenUnsatisfiable: string,
  labelSelector: object | undefined,
  extra: Partial<TopologySpreadConstraint> = {},
): TopologySpreadConstraint => ({ maxSkew, topologyKey, whenUnsatisfiable, labelSelector, ...extra }) as TopologySpreadConstraint;

/** "node-a:foo" → a pod labelled foo="" bound to node-a; "node-a:foo:ns1" in namespace ns1; "node-a:foo:terminating". */
function existingPod(spec: string): Pod {
  const [node, label, extra] = spec.split(':') as [string, string, string | undefined];
  const meta = extra === 'terminating' ? { deletionTimestamp: '2026-11-22T22:00:00Z' } : extra ? { namespace: extra } : {};
  return makePod({ [label]: '' }, { nodeName: node }, meta);
}

function cluster(pod: Pod, nodeSpecs: string[], pods: string[]): CycleState {
  const nodes = nodeSpecs.map((s) => new NodeInfo(makeNode(s)));
  for (const p of pods.map(existingPod)) nodes.find((n) => n.name === p.spec!.nodeName)!.addPod(newPodInfo(p));
  return { pod, podInfo: newPodInfo(pod), nodes, namespaceLabels: () => undefined };
}

function filterAll(pod: Pod, nodeSpecs: string[], pods: string[]): Record<string, string> {
  const state = cluster(pod, nodeSpecs, pods);
  const pre = podTopologySpreadFilter.preFilter!(state);
  return Object.fromEntries(state.nodes.map((n) => [n.name, podTopologySpreadFilter.filter(state, n, pre)?.code ?? 'Success']));
}

const FOUR_NODES = ['node-a/zone1', 'node-b/zone1', 'node-x/zone2', 'node-y/zone2'];
const SPREAD_2_1_0_3 = ['node-a:foo', 'node-a:foo', 'node-b:foo', 'node-y:foo', 'node-y:foo', 'node-y:foo'];

// Case names from pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go TestSingleConstraint and
// TestMultipleConstraints, where upstream has the case; the minDomains and soft-constraint cases are ours.
const filterCases = [
  {
    name: 'no existing pods',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] }),
    nodes: FOUR_NODES,
    pods: [],
    want: { 'node-a': 'Success', 'node-b': 'Success', 'node-x': 'Success', 'node-y': 'Success' },
  },
  {
    name: 'existing pods in a different namespace do not count',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] }),
    nodes: FOUR_NODES,
    pods: ['node-a:foo:ns1', 'node-a:foo:ns2', 'node-x:foo', 'node-y:foo'],
    want: { 'node-a': 'Success', 'node-b': 'Success', 'node-x': 'Unschedulable', 'node-y': 'Unschedulable' },
  },
  {
    name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] }),
    nodes: ['node-a/zone1', 'node-b/zon=zone1', 'node-x/zone2', 'node-y/zone2'],
    pods: ['node-a:foo', 'node-b:foo', 'node-x:foo', 'node-y:foo'],
    want: { 'node-a': 'Success', 'node-b': 'UnschedulableAndUnresolvable', 'node-x': 'Unschedulable', 'node-y': 'Unschedulable' },
  },
  {
    name: "pod cannot be scheduled as all nodes don't have label 'rack'",
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'rack', 'DoNotSchedule', exists('foo'))] }),
    nodes: ['node-a/zone1', 'node-x/zone2'],
    pods: [],
    want: { 'node-a': 'UnschedulableAndUnresolvable', 'node-x': 'UnschedulableAndUnresolvable' },
  },
  {
    name: 'pods spread across nodes as 2/1/0/3, only node-x fits',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: FOUR_NODES,
    pods: SPREAD_2_1_0_3,
    want: { 'node-a': 'Unschedulable', 'node-b': 'Unschedulable', 'node-x': 'Success', 'node-y': 'Unschedulable' },
  },
  {
    name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(2, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: FOUR_NODES,
    pods: SPREAD_2_1_0_3,
    want: { 'node-a': 'Unschedulable', 'node-b': 'Success', 'node-x': 'Success', 'node-y': 'Unschedulable' },
  },
  {
    name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
    pod: makePod({ bar: '' }, { topologySpreadConstraints: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: FOUR_NODES,
    pods: SPREAD_2_1_0_3,
    want: { 'node-a': 'Unschedulable', 'node-b': 'Success', 'node-x': 'Success', 'node-y': 'Unschedulable' },
  },
  {
    name: 'incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits',
    pod: makePod(
      { foo: '' },
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'In', values: ['node-a', 'node-y'] }] }] },
          },
        },
        topologySpreadConstraints: [spread(1, 'node', 'DoNotSchedule', exists('foo'))],
      },
    ),
    nodes: FOUR_NODES,
    pods: SPREAD_2_1_0_3,
    want: { 'node-a': 'Success', 'node-b': 'Success', 'node-x': 'Success', 'node-y': 'Unschedulable' },
  },
  {
    name: 'terminating Pods should be excluded',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: ['node-a', 'node-b'],
    pods: ['node-a:foo:terminating', 'node-b:foo'],
    want: { 'node-a': 'Success', 'node-b': 'Unschedulable' },
  },
  {
    name: 'pods spread across zone as 2/1 and minDomains is 3, global minimum counts as 0',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(2, 'zone', 'DoNotSchedule', exists('foo'), { minDomains: 3 })] }),
    nodes: FOUR_NODES,
    pods: ['node-a:foo', 'node-b:foo', 'node-x:foo'],
    want: { 'node-a': 'Unschedulable', 'node-b': 'Unschedulable', 'node-x': 'Success', 'node-y': 'Success' },
  },
  {
    name: 'two Constraints on zone and node, spreads = [3/3, 2/1/0/3]',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'zone', 'DoNotSchedule', exists('foo')), spread(1, 'node', 'DoNotSchedule', exists('foo'))] }),
    nodes: FOUR_NODES,
    pods: [...SPREAD_2_1_0_3.slice(0, 3), 'node-y:foo', 'node-y:foo', 'node-y:foo'],
    want: { 'node-a': 'Unschedulable', 'node-b': 'Unschedulable', 'node-x': 'Success', 'node-y': 'Unschedulable' },
  },
  {
    name: 'soft constraints are left to the score',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'node', 'ScheduleAnyway', exists('foo'))] }),
    nodes: FOUR_NODES,
    pods: SPREAD_2_1_0_3,
    want: { 'node-a': 'Success', 'node-b': 'Success', 'node-x': 'Success', 'node-y': 'Success' },
  },
];

describe('PodTopologySpread filter', () => {
  it.each(filterCases)('$name', ({ pod, nodes, pods, want }) => {
    expect(filterAll(pod, nodes, pods)).toEqual(want);
  });

  it('words the two reasons as v1.35 does', () => {
    const pod = makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'zone', 'DoNotSchedule', exists('foo'))] });
    const state = cluster(pod, ['node-a/zone1', 'node-b', 'node-x/zone2'], ['node-a:foo']);
    const pre = podTopologySpreadFilter.preFilter!(state);
    expect(state.nodes.map((n) => podTopologySpreadFilter.filter(state, n, pre)?.reasons)).toEqual([
      ["node(s) didn't match pod topology spread constraints"],
      ["node(s) didn't match pod topology spread constraints (missing required label)"],
      undefined,
    ]);
  });
});

// Case names after pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go TestPodTopologySpreadScore.
const scoreCases = [
  {
    name: 'one constraint on node, no existing pods',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'node', 'ScheduleAnyway', exists('foo'))] }),
    nodes: ['node-a', 'node-b'],
    pods: [],
    want: [100, 100],
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'node', 'ScheduleAnyway', exists('foo'))] }),
    nodes: ['node-a', 'node-b', 'node-c', 'node-d'],
    pods: ['node-a:foo', 'node-a:foo', 'node-b:foo', 'node-d:foo', 'node-d:foo', 'node-d:foo'],
    want: [20, 60, 100, 0],
  },
  {
    name: 'one constraint on zone, nodes without the label are ignored',
    pod: makePod({ foo: '' }, { topologySpreadConstraints: [spread(1, 'zone', 'ScheduleAnyway', exists('foo'))] }),
    nodes: ['node-a/zone1', 'node-b', 'node-x/zone2'],
    pods: ['node-a:foo', 'node-a:foo', 'node-x:foo'],
    want: [33, 0, 100],
  },
];

describe('PodTopologySpread score', () => {
  it.each(scoreCases)('$name', ({ pod, nodes, pods, want }) => {
    const state = cluster(pod, nodes, pods);
    expect(podTopologySpreadScore(() => undefined).score(state, state.nodes)).toEqual(want);
  });
});
