/**
 * The versioned object store (etcd's role). Every write gets the next resourceVersion and is
 * announced to watchers synchronously; watchers must only enqueue work, never write back from the
 * callback. Objects are copied on the way in and out so nobody mutates stored state by accident.
 */
import type { KubeObject, WatchEventType } from '../api/client.ts';
import { deepCopy } from './deep-copy.ts';

export interface StoredEvent {
  type: Exclude<WatchEventType, 'BOOKMARK' | 'ERROR'>;
  /** `<group>/<resource>`, e.g. `apps/deployments`, `/pods`. */
  resourceKey: string;
  object: KubeObject;
  resourceVersion: number;
}

export type StoreListener = (event: StoredEvent) => void;

/** How many past events are kept to serve watches that start from an older resourceVersion. */
const EVENT_HISTORY = 10_000;

export class ObjectStore {
  #objects = new Map<string, Map<string, KubeObject>>();
  #revision = 0;
  #listeners = new Set<StoreListener>();
  #history: StoredEvent[] = [];

  static keyOf(namespace: string | undefined, name: string): string {
    return `${namespace ?? ''}/${name}`;
  }

  revision(): number {
    return this.#revision;
  }

  get(resourceKey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.#objects.get(resourceKey)?.get(ObjectStore.keyOf(namespace, name));
    return found === undefined ? undefined : deepCopy(found);
  }

  /** Objects of a resource, in one namespace or all, sorted by namespace then name (as etcd keys). */
  list(resourceKey: string, namespace?: string): KubeObject[] {
    const bucket = this.#objects.get(resourceKey);
    if (!bucket) return [];
    const keys = [...bucket.keys()].sort();
    const out: KubeObject[] = [];
    for (const key of keys) {
      const obj = bucket.get(key)!;
      if (namespace !== undefined && (obj.metadata?.namespace ?? '') !== namespace) continue;
      out.push(deepCopy(obj));
    }
    return out;
  }

  /** Stores `obj` (create or replace), stamping the next resourceVersion. Returns the stored copy. */
  put(resourceKey: string, obj: KubeObject): KubeObject {
    const meta = obj.metadata ?? {};
    const key = ObjectStore.keyOf(meta.namespace, meta.name ?? '');
    let bucket = this.#objects.get(resourceKey);
    if (!bucket) {
      bucket = new Map();
      this.#objects.set(resourceKey, bucket);
    }
    const existed = bucket.has(key);
    this.#revision++;
    const stored = deepCopy(obj);
    stored.metadata = { ...stored.metadata, resourceVersion: String(this.#revision) };
    bucket.set(key, stored);
    this.#announce({ type: existed ? 'MODIFIED' : 'ADDED', resourceKey, object: stored, resourceVersion: this.#revision });
    return deepCopy(stored);
  }

  remove(resourceKey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const bucket = this.#objects.get(resourceKey);
    const key = ObjectStore.keyOf(namespace, name);
    const existing = bucket?.get(key);
    if (!bucket || !existing) return undefined;
    bucket.delete(key);
    this.#revision++;
    const gone = deepCopy(existing);
    gone.metadata = { ...gone.metadata, resourceVersion: String(this.#revision) };
    this.#announce({ type: 'DELETED', resourceKey, object: gone, resourceVersion: this.#revision });
    return deepCopy(gone);
  }

  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Events after `resourceVersion`, or undefined when history no longer reaches back that far. */
  eventsSince(resourceVersion: number): StoredEvent[] | undefined {
    const first = this.#history[0];
    if (first && first.resourceVersion > resourceVersion + 1) return undefined;
    return this.#history.filter((e) => e.resourceVersion > resourceVersion);
  }

  #announce(event: StoredEvent): void {
    this.#history.push(event);
    if (this.#history.length > EVENT_HISTORY) this.#history.splice(0, this.#history.length - EVENT_HISTORY);
    for (const listener of [...this.#listeners]) listener(event);
  }
}
