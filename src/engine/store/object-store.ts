/**
 * The versioned object store (etcd's role). Every write gets the next resourceVersion and is
 * announced to watchers synchronously; watchers must only enqueue work, never write back from the
 * callback.
 *
 * Stored objects are immutable: copied and deep-frozen once on write (sharing what is frozen already), replaced (never changed) by
 * the next write, and shared as they are by get, list and watch. A reader that wants to change
 * one copies it first; changing it in place throws.
 */
import type { KubeObject, WatchEventType } from '../api/client.ts';
import { deepFreeze, frozenCopy } from './deep-freeze.ts';
import { ResourceBucket, type StoreIndexFunc } from './resource-bucket.ts';
import { WatcherIndex, type WatchScope } from './watcher-index.ts';

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
  readonly #resources = new Map<string, ResourceBucket>();
  #revision = 0;
  readonly #watchers = new WatcherIndex<StoreListener>();
  /** Past events in resourceVersion order; only the last EVENT_HISTORY count, the rest awaits a trim. */
  #history: StoredEvent[] = [];

  revision(): number {
    return this.#revision;
  }

  /** The stored object itself, frozen. */
  get(resourceKey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#resources.get(resourceKey)?.get(namespace ?? '', name);
  }

  /** Objects of a resource, in one namespace or all, in etcd's key order (namespace, then name); frozen. */
  list(resourceKey: string, namespace?: string): KubeObject[] {
    return this.#resources.get(resourceKey)?.list(namespace) ?? [];
  }

  /** Keeps objects of `resourceKey` filed by `fn`'s value, for byIndex (the cacher's IndexerFuncs). */
  addIndex(resourceKey: string, name: string, fn: StoreIndexFunc): void {
    this.#bucket(resourceKey).addIndex(name, fn);
  }

  hasIndex(resourceKey: string, name: string): boolean {
    return this.#resources.get(resourceKey)?.hasIndex(name) ?? false;
  }

  /** Objects of `resourceKey` filed under `value` in index `name`, in one namespace or all, in key order; frozen. */
  byIndex(resourceKey: string, name: string, value: string, namespace?: string): KubeObject[] {
    return this.#resources.get(resourceKey)?.byIndex(name, value, namespace) ?? [];
  }

  /** Stores a frozen copy of `obj` (create or replace), stamping the next resourceVersion, and returns it. */
  put(resourceKey: string, obj: KubeObject): KubeObject {
    const meta = obj.metadata ?? {};
    const bucket = this.#bucket(resourceKey);
    this.#revision++;
    const stored = frozenCopy({ ...obj, metadata: { ...meta, resourceVersion: String(this.#revision) } });
    const existed = bucket.set(meta.namespace ?? '', meta.name ?? '', stored);
    this.#announce({ type: existed ? 'MODIFIED' : 'ADDED', resourceKey, object: stored, resourceVersion: this.#revision });
    return stored;
  }

  remove(resourceKey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const bucket = this.#resources.get(resourceKey);
    const existing = bucket?.get(namespace ?? '', name);
    if (!bucket || !existing) return undefined;
    bucket.delete(namespace ?? '', name);
    this.#revision++;
    const gone = deepFreeze({ ...existing, metadata: { ...existing.metadata, resourceVersion: String(this.#revision) } });
    this.#announce({ type: 'DELETED', resourceKey, object: gone, resourceVersion: this.#revision });
    return gone;
  }

  /** Calls `listener` for every write within `scope` (every write when absent). */
  subscribe(listener: StoreListener, scope?: WatchScope): () => void {
    return this.#watchers.add(listener, scope);
  }

  /** Events after `resourceVersion`, or undefined when history no longer reaches back that far. */
  eventsSince(resourceVersion: number): StoredEvent[] | undefined {
    const start = Math.max(0, this.#history.length - EVENT_HISTORY);
    const first = this.#history[start];
    if (first && first.resourceVersion > resourceVersion + 1) return undefined;
    let lo = start;
    let hi = this.#history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#history[mid]!.resourceVersion <= resourceVersion) lo = mid + 1;
      else hi = mid;
    }
    return this.#history.slice(lo);
  }

  #bucket(resourceKey: string): ResourceBucket {
    let bucket = this.#resources.get(resourceKey);
    if (!bucket) {
      bucket = new ResourceBucket();
      this.#resources.set(resourceKey, bucket);
    }
    return bucket;
  }

  #announce(event: StoredEvent): void {
    this.#history.push(event);
    // Trimmed in batches: dropping one event per write would move the whole history each time.
    if (this.#history.length >= 2 * EVENT_HISTORY) this.#history = this.#history.slice(this.#history.length - EVENT_HISTORY);
    for (const listener of this.#watchers.matching(event.resourceKey, event.object.metadata?.namespace ?? '')) listener(event);
  }
}
