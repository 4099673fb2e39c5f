/**
 * Hands every component of one cluster the same informer per resource, so the kubelets, the
 * network and the garbage collector share one cache instead of each reading the store.
 * Models staging/src/k8s.io/client-go/informers/factory.go (SharedInformerFactory).
 */
import type { KubeObject } from '../api/client.ts';
import type { IndexFunc } from './indexer.ts';
import type { ResourceRef } from './informer.ts';
import type { Lister } from './lister.ts';
import { SharedInformer, type WatchSource } from './shared-informer.ts';

/** A core/v1 resource. */
export const core = (resource: string): ResourceRef => ({ group: '', version: 'v1', resource });

export class SharedInformerFactory {
  readonly #source: WatchSource;
  readonly #informers = new Map<string, SharedInformer>();

  constructor(source: WatchSource) {
    this.#source = source;
  }

  /**
   * The running informer for `ref`, made on first use. Indexes asked for later are added to it;
   * a name already there keeps its first function.
   */
  informerFor<T = KubeObject>(ref: ResourceRef, indexers: Readonly<Record<string, IndexFunc>> = {}): SharedInformer<T> {
    const key = `${ref.group}/${ref.version}/${ref.resource}`;
    let informer = this.#informers.get(key);
    if (!informer) {
      informer = new SharedInformer(this.#source, ref, indexers);
      this.#informers.set(key, informer);
      informer.run();
    } else {
      const missing = Object.entries(indexers).filter(([name]) => !informer!.indexer.hasIndex(name));
      if (missing.length) informer.indexer.addIndexers(Object.fromEntries(missing));
    }
    return informer as unknown as SharedInformer<T>;
  }

  lister<T = KubeObject>(ref: ResourceRef): Lister<T> {
    return this.informerFor<T>(ref).lister;
  }

  stop(): void {
    for (const informer of this.#informers.values()) informer.stop();
  }
}
