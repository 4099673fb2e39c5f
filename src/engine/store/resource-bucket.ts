/**
 * The objects of one resource, filed by namespace and kept in etcd's key order
 * (`/registry/<resource>/<namespace>/<name>`, compared byte by byte), so a list of one namespace
 * or of all of them walks its buckets in order instead of sorting the whole resource.
 */
import type { KubeObject } from '../api/client.ts';
import { SortedKeys } from './sorted-keys.ts';

/** The value an object is filed under in one index, or undefined to leave it out. */
export type StoreIndexFunc = (obj: KubeObject) => string | undefined;

interface NamespaceBucket {
  objects: Map<string, KubeObject>;
  names: SortedKeys;
}

export class ResourceBucket {
  /**
   * Keyed by `<namespace>/`: names hold no slash, so ordering namespaces by that prefix orders
   * every object exactly as its full key would ("a-b/x" before "a/x").
   */
  readonly #namespaces = new Map<string, NamespaceBucket>();
  readonly #order = new SortedKeys();
  /** index name -> its function and, per value, the `<namespace>/<name>` keys filed under it. */
  readonly #indexes = new Map<string, { fn: StoreIndexFunc; byValue: Map<string, SortedKeys> }>();

  /** Files every object (already stored and to come) under `fn`'s value in index `name`. */
  addIndex(name: string, fn: StoreIndexFunc): void {
    const index = { fn, byValue: new Map<string, SortedKeys>() };
    this.#indexes.set(name, index);
    for (const obj of this.list()) fileUnder(index, obj, 'add');
  }

  hasIndex(name: string): boolean {
    return this.#indexes.has(name);
  }

  /** Objects filed under `value` in index `name`, in one namespace or all, in key order. */
  byIndex(name: string, value: string, namespace?: string): KubeObject[] {
    const keys = this.#indexes.get(name)?.byValue.get(value)?.values() ?? [];
    const out: KubeObject[] = [];
    for (const key of keys) {
      const slash = key.indexOf('/');
      const ns = key.slice(0, slash);
      if (namespace !== undefined && ns !== namespace) continue;
      out.push(this.get(ns, key.slice(slash + 1))!);
    }
    return out;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.#namespaces.get(`${namespace}/`)?.objects.get(name);
  }

  /** Stores `obj` under namespace/name; true when it replaced an object. */
  set(namespace: string, name: string, obj: KubeObject): boolean {
    const prefix = `${namespace}/`;
    let bucket = this.#namespaces.get(prefix);
    if (!bucket) {
      bucket = { objects: new Map(), names: new SortedKeys() };
      this.#namespaces.set(prefix, bucket);
      this.#order.add(prefix);
    }
    const old = bucket.objects.get(name);
    bucket.objects.set(name, obj);
    if (!old) bucket.names.add(name);
    for (const index of this.#indexes.values()) {
      // Most updates keep the indexed value (a pod stays on its node): refiled only when it changed.
      if (old && index.fn(old) === index.fn(obj)) continue;
      if (old) fileUnder(index, old, 'delete');
      fileUnder(index, obj, 'add');
    }
    return old !== undefined;
  }

  delete(namespace: string, name: string): void {
    const prefix = `${namespace}/`;
    const bucket = this.#namespaces.get(prefix);
    const old = bucket?.objects.get(name);
    if (!bucket || !old) return;
    bucket.objects.delete(name);
    bucket.names.delete(name);
    for (const index of this.#indexes.values()) fileUnder(index, old, 'delete');
    if (bucket.objects.size === 0) {
      this.#namespaces.delete(prefix);
      this.#order.delete(prefix);
    }
  }

  /** The objects of one namespace, or of all when undefined, in key order. */
  list(namespace?: string): KubeObject[] {
    const out: KubeObject[] = [];
    if (namespace !== undefined) {
      const bucket = this.#namespaces.get(`${namespace}/`);
      if (bucket) for (const name of bucket.names.values()) out.push(bucket.objects.get(name)!);
      return out;
    }
    for (const prefix of this.#order.values()) {
      const bucket = this.#namespaces.get(prefix)!;
      for (const name of bucket.names.values()) out.push(bucket.objects.get(name)!);
    }
    return out;
  }
}

function fileUnder(index: { fn: StoreIndexFunc; byValue: Map<string, SortedKeys> }, obj: KubeObject, change: 'add' | 'delete'): void {
  const value = index.fn(obj);
  if (value === undefined) return;
  const key = `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
  let keys = index.byValue.get(value);
  if (change === 'add') {
    if (!keys) index.byValue.set(value, (keys = new SortedKeys()));
    keys.add(key);
  } else if (keys) {
    keys.delete(key);
    if (keys.size === 0) index.byValue.delete(value);
  }
}
