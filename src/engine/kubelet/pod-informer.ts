/** The kubelet's view of pods: the shared pod informer, with pods filed by the node they are bound to. */
import type { Pod } from 'kubernetes-types/core/v1';
import { core, type SharedInformerFactory } from '../client/informer-factory.ts';
import type { EventHandler, SharedInformer } from '../client/shared-informer.ts';

export const NODE_NAME_INDEX = 'spec.nodeName';

export function podInformer(informers: SharedInformerFactory): SharedInformer<Pod> {
  return informers.informerFor<Pod>(core('pods'), { [NODE_NAME_INDEX]: (obj) => [(obj as Pod).spec?.nodeName ?? ''] });
}

const routers = new WeakMap<SharedInformer<Pod>, Map<string, EventHandler<Pod>>>();

/**
 * Tells `handler` of the pods bound to `nodeName` only, as a kubelet's watch with the field
 * selector `spec.nodeName=<node>` does (pkg/kubelet/config/apiserver.go): one handler on the
 * shared informer routes each event to its node's kubelet, instead of every kubelet filtering
 * every pod event of the cluster.
 */
export function handleNodePods(informers: SharedInformerFactory, nodeName: string, handler: EventHandler<Pod>): void {
  const informer = podInformer(informers);
  let byNode = routers.get(informer);
  if (!byNode) {
    const handlers = new Map<string, EventHandler<Pod>>();
    byNode = handlers;
    routers.set(informer, handlers);
    const of = (pod: Pod) => (pod.spec?.nodeName ? handlers.get(pod.spec.nodeName) : undefined);
    informer.addEventHandler({
      onAdd: (pod) => of(pod)?.onAdd?.(pod),
      onUpdate: (old, pod) => of(pod)?.onUpdate?.(old, pod),
      onDelete: (pod) => of(pod)?.onDelete?.(pod),
    });
  }
  byNode.set(nodeName, handler);
}
