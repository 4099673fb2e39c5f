import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { CycleState, FilterPlugin } from '../framework.ts';
import { NodeInfo, newPodInfo } from '../node-info.ts';
import { interPodAffinity } from './inter-pod-affinity.ts';
import { nodeAffinityFilter } from './node-affinity.ts';
import { nodePorts } from './node-ports.ts';
import { nodeResourcesFit } from './node-resources-fit.ts';
import { nodeUnschedulable } from './node-unschedulable.ts';
import { taintTolerationFilter } from './taint-toleration.ts';

const makeNode = (spec: Node['spec'] = {}, labels: Record<string, string> = {}, allocatable: Record<string, string> = { cpu: '10', memory: '20', pods: '32' }): Node => ({
  metadata: { name: 'node1', labels: { 'kubernetes.io/hostname': 'node1', ...labels } },
  spec,
  status: { allocatable },
});
let uid = 0;
const makePod = (spec: Partial<Pod['spec']> = {}, labels?: Record<string, string>): Pod => ({
  metadata: { name: `p${++uid}`, namespace: 'default', uid: `u${uid}`, ...(labels ? { labels } : {}) },
  spec: { containers: [], ...spec },
});
const req = (cpu: string, memory: string) => ({ name: 'c', resources: { requests: { cpu, memory } } });
const hostPorts = (...ports: string[]) => ({
  containers: [{ name: 'c', ports: ports.map((p) => ({ containerPort: 1, protocol: p.split('/')[0]!, hostIP: p.split('/')[1]!, hostPort: Number(p.split('/')[2]) })) }],
});

function run(plugin: FilterPlugin, pod: Pod, node: Node, existing: Pod[] = []): string {
  const info = new NodeInfo(node);
  for (const p of existing) info.addPod(newPodInfo({ ...p, spec: { ...p.spec!, nodeName: 'node1' } }));
  const state: CycleState = { pod, podInfo: newPodInfo(pod), nodes: [info], namespaceLabels: () => undefined };
  const status = plugin.filter(state, info, plugin.preFilter?.(state));
  return status ? `${status.code}: ${status.reasons.join(' | ')}` : 'Success';
}

const taint = (key: string, value: string, effect: Taint['effect']): Taint => ({ key, value, effect });
const UNTOLERATED = 'UnschedulableAndUnresolvable: node(s) had untolerated taint(s)';

// Case names from pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go TestTaintTolerationFilter.
const taintCases = [
  {
    name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
    pod: makePod(),
    taints: [taint('dedicated', 'user1', 'NoSchedule')],
    want: UNTOLERATED,
  },
  {
    name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
    pod: makePod({ tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }] }),
    taints: [taint('dedicated', 'user1', 'NoSchedule')],
    want: 'Success',
  },
  {
    name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
    pod: makePod({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }] }),
    taints: [taint('dedicated', 'user1', 'NoSchedule')],
    want: UNTOLERATED,
  },
  {
    name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
    pod: makePod({ tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }] }),
    taints: [taint('foo', 'bar', 'NoSchedule')],
    want: 'Success',
  },
  {
    name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
    pod: makePod({ tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] }),
    taints: [taint('foo', 'bar', 'NoSchedule')],
    want: UNTOLERATED,
  },
  {
    name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
    pod: makePod({ tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }] }),
    taints: [taint('foo', 'bar', 'NoSchedule')],
    want: 'Success',
  },
  {
    name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
    pod: makePod({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }] }),
    taints: [taint('dedicated', 'user1', 'PreferNoSchedule')],
    want: 'Success',
  },
  {
    name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
    pod: makePod(),
    taints: [taint('dedicated', 'user1', 'PreferNoSchedule')],
    want: 'Success',
  },
];

// Case names from pkg/scheduler/framework/plugins/noderesources/fit_test.go TestEnoughRequests.
const fitCases = [
  { name: 'no resources requested always fits', pod: makePod(), existing: [makePod({ containers: [req('10', '20')] })], want: 'Success' },
  {
    name: 'too many resources fails',
    pod: makePod({ containers: [req('1', '1')] }),
    existing: [makePod({ containers: [req('10', '20')] })],
    want: 'Unschedulable: Insufficient cpu | Insufficient memory',
  },
  {
    name: 'too many resources fails due to init container cpu',
    pod: makePod({ initContainers: [req('3', '1')], containers: [req('1', '1')] }),
    existing: [makePod({ containers: [req('8', '19')] })],
    want: 'Unschedulable: Insufficient cpu',
  },
  { name: 'both resources fit', pod: makePod({ containers: [req('1', '1')] }), existing: [makePod({ containers: [req('5', '5')] })], want: 'Success' },
  { name: 'equal edge case', pod: makePod({ containers: [req('5', '19')] }), existing: [makePod({ containers: [req('5', '1')] })], want: 'Success' },
  {
    name: 'one resource memory fits',
    pod: makePod({ containers: [req('2', '1')] }),
    existing: [makePod({ containers: [req('9', '5')] })],
    want: 'Unschedulable: Insufficient cpu',
  },
  { name: 'request exceeds allocatable', pod: makePod({ containers: [req('11', '1')] }), existing: [], want: 'UnschedulableAndUnresolvable: Insufficient cpu' },
];

// Case names from pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestNodePorts.
const portCases = [
  { name: 'nothing running', pod: makePod(hostPorts('UDP/127.0.0.1/8080')), existing: [], want: 'Success' },
  { name: 'other port', pod: makePod(hostPorts('UDP/127.0.0.1/8080')), existing: [makePod(hostPorts('UDP/127.0.0.1/9090'))], want: 'Success' },
  {
    name: 'same udp port',
    pod: makePod(hostPorts('UDP/127.0.0.1/8080')),
    existing: [makePod(hostPorts('UDP/127.0.0.1/8080'))],
    want: "Unschedulable: node(s) didn't have free ports for the requested pod ports",
  },
  { name: 'different host ip', pod: makePod(hostPorts('TCP/127.0.0.1/8080')), existing: [makePod(hostPorts('TCP/127.0.0.2/8080'))], want: 'Success' },
  { name: 'different protocol', pod: makePod(hostPorts('UDP/127.0.0.1/8080')), existing: [makePod(hostPorts('TCP/127.0.0.1/8080'))], want: 'Success' },
  {
    name: 'first tcp port conflict due to 0.0.0.0 hostIP',
    pod: makePod(hostPorts('TCP/0.0.0.0/8001')),
    existing: [makePod(hostPorts('TCP/127.0.0.1/8001'))],
    want: "Unschedulable: node(s) didn't have free ports for the requested pod ports",
  },
];

// Case names from pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity.
const REJECT = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector";
const required = (...expressions: { key: string; operator: string; values?: string[] }[]) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } } },
});
const affinityCases = [
  { name: 'no selector', pod: makePod(), labels: {}, want: 'Success' },
  { name: 'missing labels', pod: makePod({ nodeSelector: { foo: 'bar' } }), labels: {}, want: REJECT },
  { name: 'same labels', pod: makePod({ nodeSelector: { foo: 'bar' } }), labels: { foo: 'bar' }, want: 'Success' },
  { name: 'node labels are superset', pod: makePod({ nodeSelector: { foo: 'bar' } }), labels: { foo: 'bar', baz: 'blah' }, want: 'Success' },
  { name: 'node labels are subset', pod: makePod({ nodeSelector: { foo: 'bar', baz: 'blah' } }), labels: { foo: 'bar' }, want: REJECT },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    pod: makePod(required({ key: 'foo', operator: 'In', values: ['value1', 'value2'] })),
    labels: { foo: 'value1' },
    want: 'Success',
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    pod: makePod(required({ key: 'kernel-version', operator: 'Gt', values: ['0204'] })),
    labels: { 'kernel-version': '0206' },
    want: 'Success',
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    pod: makePod(required({ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] })),
    labels: { 'mem-type': 'DDR3' },
    want: 'Success',
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    pod: makePod(required({ key: 'GPU', operator: 'Exists' })),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    want: 'Success',
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    pod: makePod(required({ key: 'foo', operator: 'In', values: ['value1', 'value2'] })),
    labels: { foo: 'bar' },
    want: REJECT,
  },
];

describe('TaintToleration Filter', () => {
  it.each(taintCases)('$name', ({ pod, taints, want }) => expect(run(taintTolerationFilter, pod, makeNode({ taints }))).toBe(want));
});

describe('NodeResourcesFit Filter', () => {
  it.each(fitCases)('$name', ({ pod, existing, want }) => expect(run(nodeResourcesFit, pod, makeNode(), existing)).toBe(want));
  it('too many pods', () => {
    const existing = [makePod(), makePod()];
    expect(run(nodeResourcesFit, makePod(), makeNode({}, {}, { cpu: '10', memory: '20', pods: '2' }), existing)).toBe('Unschedulable: Too many pods');
  });
});

describe('NodePorts Filter', () => {
  it.each(portCases)('$name', ({ pod, existing, want }) => expect(run(nodePorts, pod, makeNode(), existing)).toBe(want));
});

describe('NodeAffinity Filter', () => {
  it.each(affinityCases)('$name', ({ pod, labels, want }) => expect(run(nodeAffinityFilter, pod, makeNode({}, labels))).toBe(want));
});

describe('NodeUnschedulable Filter', () => {
  it.each([
    { name: 'Does not schedule pod to unschedulable node (node.spec.unschedulable==true)', pod: makePod(), want: 'UnschedulableAndUnresolvable: node(s) were unschedulable' },
    {
      name: 'Schedule pod with toleration to unschedulable node (node.spec.unschedulable==true)',
      pod: makePod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
      want: 'Success',
    },
  ])('$name', ({ pod, want }) => expect(run(nodeUnschedulable, pod, makeNode({ unschedulable: true }))).toBe(want));
});

// Case names from pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode.
const term = (app: string) => [{ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' }];
const affinityPodCases = [
  { name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods', pod: makePod(), existing: [], want: 'Success' },
  {
    name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
    pod: makePod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term('db') } } }),
    existing: [makePod({}, { app: 'db' })],
    want: 'Success',
  },
  {
    name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace',
    pod: makePod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term('db')[0]!, namespaces: ['other'] }] } } }),
    existing: [makePod({}, { app: 'db' })],
    want: "UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules",
  },
  {
    name: 'satisfies the PodAntiAffinity with existing pod but doesnt satisfy PodAntiAffinity symmetry with incoming pod',
    pod: makePod({}, { app: 'web' }),
    existing: [makePod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term('web') } } })],
    want: "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules",
  },
  {
    name: "Doesn't satisfy the PodAntiAffinity because of matching existing pod",
    pod: makePod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term('db') } } }),
    existing: [makePod({}, { app: 'db' })],
    want: "Unschedulable: node(s) didn't match pod anti-affinity rules",
  },
  {
    name: 'verify that PodAffinity is satisfied when the pod is the first pod of its kind and matches its own affinity',
    pod: makePod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term('db') } } }, { app: 'db' }),
    existing: [],
    want: 'Success',
  },
];

describe('InterPodAffinity Filter', () => {
  it.each(affinityPodCases)('$name', ({ pod, existing, want }) => expect(run(interPodAffinity, pod, makeNode(), existing)).toBe(want));
});
