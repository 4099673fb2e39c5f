/**
 * The store's listeners filed by what they watch (every resource, one resource, or one resource in
 * one namespace), so a write reaches only the watchers it may concern. Listeners are told in the
 * order they subscribed, whatever their filing: that order is part of the cluster's timeline.
 * Models the cacher's watchersByKey in staging/src/k8s.io/apiserver/pkg/storage/cacher.
 */

/** What one listener watches; absent fields watch everything. */
export interface WatchScope {
  resourceKey?: string;
  namespace?: string;
}

interface Entry<L> {
  seq: number;
  listener: L;
}

export class WatcherIndex<L> {
  #seq = 0;
  /**
   * Lists are replaced, never changed in place, so the lists taken for one event stay as they were
   * when it was announced: a watcher added meanwhile misses it, one removed meanwhile still gets it.
   */
  readonly #lists = new Map<string, readonly Entry<L>[]>();

  add(listener: L, scope: WatchScope = {}): () => void {
    const slot = slotOf(scope.resourceKey, scope.namespace);
    const entry = { seq: ++this.#seq, listener };
    this.#lists.set(slot, [...(this.#lists.get(slot) ?? []), entry]);
    return () => {
      const left = (this.#lists.get(slot) ?? []).filter((e) => e !== entry);
      if (left.length) this.#lists.set(slot, left);
      else this.#lists.delete(slot);
    };
  }

  /** The listeners an event of `resourceKey` in `namespace` concerns, in subscription order. */
  matching(resourceKey: string, namespace: string): L[] {
    const every = this.#lists.get(slotOf(undefined, undefined));
    const ofResource = this.#lists.get(slotOf(resourceKey, undefined));
    const ofNamespace = this.#lists.get(slotOf(resourceKey, namespace));
    return mergeBySeq([every, ofResource, ofNamespace]);
  }
}

function slotOf(resourceKey: string | undefined, namespace: string | undefined): string {
  if (resourceKey === undefined) return '';
  return namespace === undefined ? `${resourceKey}\u0000` : `${resourceKey}\u0000${namespace}\u0000`;
}

function mergeBySeq<L>(lists: (readonly Entry<L>[] | undefined)[]): L[] {
  const present = lists.filter((l): l is readonly Entry<L>[] => l !== undefined);
  if (present.length === 0) return [];
  if (present.length === 1) return present[0]!.map((e) => e.listener);
  const all = present.flat();
  all.sort((a, b) => a.seq - b.seq);
  return all.map((e) => e.listener);
}
