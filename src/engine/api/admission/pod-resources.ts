/**
 * A pod's total requests and limits as resourcehelper.PodRequests/PodLimits count them: the sum
 * over app containers, raised to any larger init container's own value, plus the pod overhead.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { addLists, compareValues, type ResourceList } from '../resources/resource-list.ts';

function podTotal(pod: Pod, field: 'requests' | 'limits'): ResourceList {
  const of = (c: Container) => (c.resources?.[field] ?? {}) as ResourceList;
  let total: ResourceList = {};
  for (const c of pod.spec?.containers ?? []) total = addLists(total, of(c));
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries(of(c))) if (total[k] === undefined || compareValues(v, total[k]) > 0) total[k] = v;
  }
  return addLists(total, (pod.spec?.overhead ?? {}) as ResourceList);
}

export const podRequests = (pod: Pod): ResourceList => podTotal(pod, 'requests');
export const podLimits = (pod: Pod): ResourceList => podTotal(pod, 'limits');
