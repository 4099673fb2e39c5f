/** Models pkg/scheduler/framework/plugins/nodeunschedulable: a cordoned node takes only pods that tolerate its taint. */
import type { FilterPlugin } from '../framework.ts';
import { unschedulable } from '../framework.ts';
import { tolerationsTolerateTaint } from './taint-toleration.ts';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, node) {
    if (!node.node?.spec?.unschedulable) return undefined;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    if (tolerationsTolerateTaint(state.pod.spec?.tolerations ?? [], taint)) return undefined;
    return unschedulable('NodeUnschedulable', 'UnschedulableAndUnresolvable', ERR_REASON_UNSCHEDULABLE);
  },
};
