/**
 * Whether a cluster event may let a parked pod fit: each plugin that rejected it is asked, as the
 * plugins' QueueingHintFn do (EventsToRegister in each plugin of pkg/scheduler/framework/plugins).
 * A node event helps when the changed node now passes that plugin's filter; a pod leaving a node
 * helps the resource and port filters; pods arriving or changing help pod affinity.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { CycleState, FilterPlugin } from './framework.ts';
import { newPodInfo, podHostPorts } from './node-info.ts';
import { interPodAffinity } from './plugins/inter-pod-affinity.ts';
import { nodeAffinityFilter } from './plugins/node-affinity.ts';
import { nodeName } from './plugins/node-name.ts';
import { nodePorts } from './plugins/node-ports.ts';
import { nodeResourcesFit } from './plugins/node-resources-fit.ts';
import { nodeUnschedulable } from './plugins/node-unschedulable.ts';
import { taintTolerationFilter } from './plugins/taint-toleration.ts';
import { podRequests } from './resources.ts';
import type { SchedulerCache } from './scheduler-cache.ts';

export type ClusterEvent =
  | { kind: 'NodeAdd'; node: Node }
  | { kind: 'NodeUpdate'; old: Node; node: Node }
  | { kind: 'AssignedPodAdd'; pod: Pod }
  | { kind: 'AssignedPodUpdate'; labelsChanged: boolean; requestsShrank: boolean }
  | { kind: 'AssignedPodDelete'; pod: Pod };

const NODE_FILTERS: Record<string, FilterPlugin> = {
  NodeUnschedulable: nodeUnschedulable,
  NodeName: nodeName,
  TaintToleration: taintTolerationFilter,
  NodeAffinity: nodeAffinityFilter,
  NodePorts: nodePorts,
  NodeResourcesFit: nodeResourcesFit,
};

/** The plugins whose rejection a pod event can lift, as pluginHint answers them: other parked pods stay put. */
export const PLUGINS_HELPED_BY: Record<Exclude<ClusterEvent['kind'], 'NodeAdd' | 'NodeUpdate'>, readonly string[]> = {
  AssignedPodAdd: ['InterPodAffinity', 'PodTopologySpread'],
  AssignedPodUpdate: ['InterPodAffinity', 'PodTopologySpread', 'NodeResourcesFit'],
  AssignedPodDelete: ['NodeResourcesFit', 'InterPodAffinity', 'PodTopologySpread', 'NodePorts'],
};

export function clusterEventMayHelp(pod: Pod, rejectors: ReadonlySet<string>, event: ClusterEvent, cache: SchedulerCache): boolean {
  // A pod rejected before any filter ran (no nodes at all) waits for a node.
  if (rejectors.size === 0) return event.kind === 'NodeAdd';
  for (const plugin of rejectors) if (pluginHint(plugin, pod, event, cache)) return true;
  return false;
}

function pluginHint(plugin: string, pod: Pod, event: ClusterEvent, cache: SchedulerCache): boolean {
  switch (event.kind) {
    case 'NodeAdd':
    case 'NodeUpdate': {
      if (plugin === 'InterPodAffinity') return event.kind === 'NodeAdd' || JSON.stringify(event.old.metadata?.labels) !== JSON.stringify(event.node.metadata?.labels);
      // A new or relabelled node is a new domain; changed taints change which nodes count under nodeTaintsPolicy.
      if (plugin === 'PodTopologySpread')
        return (
          event.kind === 'NodeAdd' ||
          JSON.stringify([event.old.metadata?.labels, event.old.spec?.taints]) !== JSON.stringify([event.node.metadata?.labels, event.node.spec?.taints])
        );
      const filter = NODE_FILTERS[plugin];
      const info = cache.nodeInfo(event.node.metadata?.name ?? '');
      if (!filter || !info) return false;
      const state: CycleState = { pod, podInfo: newPodInfo(pod), nodes: [info], namespaceLabels: () => undefined };
      return filter.filter(state, info, undefined) === undefined;
    }
    case 'AssignedPodDelete':
      if (plugin === 'NodeResourcesFit' || plugin === 'InterPodAffinity' || plugin === 'PodTopologySpread') return true;
      if (plugin === 'NodePorts') return podHostPorts(event.pod).length > 0;
      return false;
    case 'AssignedPodAdd':
      return plugin === 'InterPodAffinity' || plugin === 'PodTopologySpread';
    case 'AssignedPodUpdate':
      return ((plugin === 'InterPodAffinity' || plugin === 'PodTopologySpread') && event.labelsChanged) || (plugin === 'NodeResourcesFit' && event.requestsShrank);
  }
}

/** What an update of a bound pod changed that a parked pod may care about. */
export function assignedPodUpdate(old: Pod, pod: Pod): Extract<ClusterEvent, { kind: 'AssignedPodUpdate' }> {
  const labelsChanged = JSON.stringify(old.metadata?.labels) !== JSON.stringify(pod.metadata?.labels);
  // Only a pod that shrank (an in-place resize down) frees room.
  let requestsShrank = false;
  if (old.spec !== pod.spec) {
    const [before, after] = [podRequests(old), podRequests(pod)];
    requestsShrank = after.milliCpu < before.milliCpu || after.memory < before.memory || after.ephemeralStorage < before.ephemeralStorage;
  }
  return { kind: 'AssignedPodUpdate', labelsChanged, requestsShrank };
}
