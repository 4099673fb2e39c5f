/** The kubelet's view of pods: the shared pod informer, with pods filed by the node they are bound to. */
import type { Pod } from 'kubernetes-types/core/v1';
import { core, type SharedInformerFactory } from '../client/informer-factory.ts';
import type { SharedInformer } from '../client/shared-informer.ts';

export const NODE_NAME_INDEX = 'spec.nodeName';

export function podInformer(informers: SharedInformerFactory): SharedInformer<Pod> {
  return informers.informerFor<Pod>(core('pods'), { [NODE_NAME_INDEX]: (obj) => [(obj as Pod).spec?.nodeName ?? ''] });
}
