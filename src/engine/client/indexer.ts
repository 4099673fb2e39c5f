/**
 * An informer's local cache: objects keyed `namespace/name` with named secondary indexes.
 * Models staging/src/k8s.io/client-go/tools/cache/thread_safe_store.go and index.go.
 *
 * Readers share the cached objects: they are frozen on the way in, and a reader that wants to
 * change one copies it first (client-go's "never mutate what a lister hands you").
 */
import type { KubeObject } from '../api/client.ts';
import { deepFreeze } from '../store/deep-freeze.ts';
import { SortedKeys } from '../store/sorted-keys.ts';
import { objectKey } from './informer.ts';

/** The values an object is filed under in one index (client-go's IndexFunc). */
export type IndexFunc = (obj: KubeObject) => readonly string[];

export const NAMESPACE_INDEX = 'namespace';

export const namespaceIndexFunc: IndexFunc = (obj) => [obj.metadata?.namespace ?? ''];

export class Indexer {
  readonly #items = new Map<string, KubeObject>();
  readonly #indexFuncs = new Map<string, IndexFunc>();
  /** index name -> indexed value -> keys filed under it, in order. */
  readonly #indices = new Map<string, Map<string, SortedKeys>>();
  readonly #keys = new SortedKeys();

  constructor(indexers: Readonly<Record<string, IndexFunc>> = {}) {
    this.addIndexers({ [NAMESPACE_INDEX]: namespaceIndexFunc, ...indexers });
  }

  /** Adds indexes, filing what is already cached under them. */
  addIndexers(indexers: Readonly<Record<string, IndexFunc>>): void {
    for (const [name, fn] of Object.entries(indexers)) {
      if (this.#indexFuncs.has(name)) throw new Error(`indexer conflict: ${name}`);
      this.#indexFuncs.set(name, fn);
      this.#indices.set(name, new Map());
      for (const [key, obj] of this.#items) this.#file(name, fn, key, obj);
    }
  }

  hasIndex(name: string): boolean {
    return this.#indexFuncs.has(name);
  }

  /** Stores `obj` under its key and returns what it replaced. */
  put(obj: KubeObject): KubeObject | undefined {
    const key = objectKey(obj);
    const frozen = deepFreeze(obj);
    const old = this.#items.get(key);
    this.#items.set(key, frozen);
    if (!old) {
      this.#keys.add(key);
      for (const [name, fn] of this.#indexFuncs) this.#file(name, fn, key, frozen);
      return old;
    }
    // client-go's updateIndices, refiling only the values that changed: most updates keep them all.
    for (const [name, fn] of this.#indexFuncs) {
      const before = fn(old);
      const after = fn(frozen);
      if (before.length === after.length && before.every((v, i) => v === after[i])) continue;
      const index = this.#indices.get(name)!;
      for (const value of before) {
        if (after.includes(value)) continue;
        const keys = index.get(value);
        keys?.delete(key);
        if (keys?.size === 0) index.delete(value);
      }
      for (const value of after) {
        if (before.includes(value)) continue;
        let keys = index.get(value);
        if (!keys) index.set(value, (keys = new SortedKeys()));
        keys.add(key);
      }
    }
    return old;
  }

  /** Drops the object under `key` and returns it. */
  delete(key: string): KubeObject | undefined {
    const old = this.#items.get(key);
    if (!old) return undefined;
    this.#unfileAll(key, old);
    this.#items.delete(key);
    this.#keys.delete(key);
    return old;
  }

  getByKey(key: string): KubeObject | undefined {
    return this.#items.get(key);
  }

  /** Every cached object, ordered by key as the API server lists them. */
  list(): KubeObject[] {
    return this.#keys.values().map((key) => this.#items.get(key)!);
  }

  /** Objects filed under `value` in the named index, ordered by key. */
  byIndex(indexName: string, value: string): KubeObject[] {
    const index = this.#indices.get(indexName);
    if (!index) throw new Error(`Index with name ${indexName} does not exist`);
    const keys = index.get(value);
    if (!keys) return [];
    return keys.values().map((key) => this.#items.get(key)!);
  }

  /** The values some cached object is filed under in the named index (client-go's ListIndexFuncValues). */
  indexValues(indexName: string): string[] {
    const index = this.#indices.get(indexName);
    if (!index) throw new Error(`Index with name ${indexName} does not exist`);
    return [...index.keys()];
  }

  #file(name: string, fn: IndexFunc, key: string, obj: KubeObject): void {
    const index = this.#indices.get(name)!;
    for (const value of fn(obj)) {
      let keys = index.get(value);
      if (!keys) index.set(value, (keys = new SortedKeys()));
      keys.add(key);
    }
  }

  #unfileAll(key: string, obj: KubeObject): void {
    for (const [name, fn] of this.#indexFuncs) {
      const index = this.#indices.get(name)!;
      for (const value of fn(obj)) {
        const keys = index.get(value);
        keys?.delete(key);
        if (keys?.size === 0) index.delete(value);
      }
    }
  }
}
