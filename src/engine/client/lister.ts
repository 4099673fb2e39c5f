/**
 * Reads one resource from an informer's cache: `get(namespace, name)` and
 * `list(namespace?, selector?)`, ordered by `namespace/name` as the API server lists.
 * Models staging/src/k8s.io/client-go/listers (GenericLister / GenericNamespaceLister).
 * What it returns is shared and frozen: copy before changing.
 */
import { labelSelectorAsRequirements, matchesLabels, type LabelSelectorObject } from '../../lib/label-selector/label-selector.ts';
import type { KubeObject } from '../api/client.ts';
import { NAMESPACE_INDEX, type Indexer } from './indexer.ts';

export class Lister<T = KubeObject> {
  readonly #indexer: Indexer;

  constructor(indexer: Indexer) {
    this.#indexer = indexer;
  }

  /** The object, or undefined; cluster-scoped objects take `undefined` for the namespace. */
  get(namespace: string | undefined, name: string): T | undefined {
    return this.#indexer.getByKey(namespace ? `${namespace}/${name}` : name) as T | undefined;
  }

  /** Objects in `namespace` (all when undefined) whose labels match `selector` (all when undefined). */
  list(namespace?: string, selector?: LabelSelectorObject): T[] {
    const objects = namespace === undefined ? this.#indexer.list() : this.#indexer.byIndex(NAMESPACE_INDEX, namespace);
    if (!selector) return objects as T[];
    const parsed = labelSelectorAsRequirements(selector);
    if (!parsed.ok) return [];
    return objects.filter((obj) => matchesLabels(parsed.requirements, obj.metadata?.labels ?? {})) as T[];
  }

  /** Objects filed under `value` in a named index of the informer (`spec.nodeName` for pods). */
  byIndex(indexName: string, value: string): T[] {
    return this.#indexer.byIndex(indexName, value) as T[];
  }
}
