/** Models pkg/scheduler/framework/plugins/nodename: a pod naming a node fits only that node. */
import type { FilterPlugin } from '../framework.ts';
import { unschedulable } from '../framework.ts';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(state, node) {
    const wanted = state.pod.spec?.nodeName;
    if (!wanted || wanted === node.name) return undefined;
    return unschedulable('NodeName', 'UnschedulableAndUnresolvable', ERR_REASON_NODE_NAME);
  },
};
