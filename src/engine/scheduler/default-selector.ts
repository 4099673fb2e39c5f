/**
 * helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the labels that pick
 * a pod out as one of a set — the selectors of the Services that select it and of the
 * ReplicaSet, ReplicationController or StatefulSet that owns it. Spreading counts pods matching all of them.
 */
import type { Pod, ReplicationController, Service } from 'kubernetes-types/core/v1';
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { labelSelectorAsRequirements, type LabelSelectorObject, type Requirement } from '../../lib/label-selector/label-selector.ts';
import { core, type SharedInformerFactory } from '../client/informer-factory.ts';
import type { DefaultSelector } from './plugins/pod-topology-spread.ts';

const apps = (resource: string) => ({ group: 'apps', version: 'v1', resource });

export function defaultSelector(informers: SharedInformerFactory): DefaultSelector {
  const services = informers.lister<Service>(core('services'));
  const controllers = informers.lister<ReplicationController>(core('replicationcontrollers'));
  const replicaSets = informers.lister<ReplicaSet>(apps('replicasets'));
  const statefulSets = informers.lister<StatefulSet>(apps('statefulsets'));
  return (pod) => {
    const namespace = pod.metadata?.namespace ?? '';
    const labels = pod.metadata?.labels ?? {};
    const set: Record<string, string> = {};
    for (const svc of services.list(namespace)) {
      const selector = svc.spec?.selector;
      if (!selector || !Object.keys(selector).length) continue;
      if (Object.entries(selector).every(([k, v]) => labels[k] === v)) Object.assign(set, selector);
    }
    const owner = pod.metadata?.ownerReferences?.find((r) => r.controller);
    let ownerSelector: LabelSelectorObject | undefined;
    if (owner?.kind === 'ReplicationController') {
      const selector = controllers.get(namespace, owner.name)?.spec?.selector;
      if (selector) Object.assign(set, selector);
    } else if (owner?.kind === 'ReplicaSet') ownerSelector = replicaSets.get(namespace, owner.name)?.spec?.selector as LabelSelectorObject | undefined;
    else if (owner?.kind === 'StatefulSet') ownerSelector = statefulSets.get(namespace, owner.name)?.spec?.selector as LabelSelectorObject | undefined;
    const requirements: Requirement[] = [];
    if (Object.keys(set).length) {
      const parsed = labelSelectorAsRequirements({ matchLabels: set });
      if (parsed.ok) requirements.push(...(parsed.requirements ?? []));
    }
    if (ownerSelector) {
      const parsed = labelSelectorAsRequirements(ownerSelector);
      if (parsed.ok) requirements.push(...(parsed.requirements ?? []));
    }
    return requirements.length ? requirements : undefined;
  };
}
