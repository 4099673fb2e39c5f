/** Models pkg/scheduler/framework/plugins/nodeports: a host port may be held by one pod per node. */
import type { FilterPlugin } from '../framework.ts';
import { unschedulable } from '../framework.ts';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(state, node) {
    if (!state.podInfo.hostPorts.some((p) => node.hostPortInUse(p))) return undefined;
    return unschedulable('NodePorts', 'Unschedulable', ERR_REASON_PORTS);
  },
};
