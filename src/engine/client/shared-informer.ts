/**
 * One resource's shared informer: lists and watches it through the API server's watch door,
 * keeps the objects in an Indexer, and tells registered handlers about adds, updates and deletes.
 * Models staging/src/k8s.io/client-go/tools/cache/shared_informer.go.
 *
 * The in-process watch is synchronous: the cache takes each write before the write call returns,
 * so a reader at the same virtual instant sees it. Each handler gets its own watch, opened when
 * it registers, rather than a fan-out from the informer's: work scheduled at one virtual instant
 * runs in the order its watchers were told, and that order is part of the cluster's timeline.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { KubeObject, WatchEvent } from '../api/client.ts';
import { deepFreeze } from '../store/deep-freeze.ts';
import { Indexer, type IndexFunc } from './indexer.ts';
import { objectKey, type ResourceRef } from './informer.ts';
import { Lister } from './lister.ts';

/** client-go's ResourceEventHandlerFuncs. Objects handed over are the cache's own: read only. */
export interface EventHandler<T = KubeObject> {
  onAdd?(obj: T): void;
  onUpdate?(oldObj: T, newObj: T): void;
  onDelete?(obj: T): void;
}

/** The API server's watch door: all an informer needs. */
export type WatchSource = Pick<ApiServer, 'watch'>;

export class SharedInformer<T = KubeObject> {
  readonly ref: ResourceRef;
  readonly indexer: Indexer;
  readonly lister: Lister<T>;
  readonly #source: WatchSource;
  #synced = false;
  #stop: (() => void) | undefined;
  /** The object the latest MODIFIED replaced, for the update handlers told of that same event. */
  #replaced: { current: KubeObject; old: KubeObject } | undefined;

  constructor(source: WatchSource, ref: ResourceRef, indexers: Readonly<Record<string, IndexFunc>> = {}) {
    this.#source = source;
    this.ref = ref;
    this.indexer = new Indexer(indexers);
    this.lister = new Lister<T>(this.indexer);
  }

  /** Lists and starts watching; the initial list arrives before this returns. */
  run(): void {
    if (this.#stop) return;
    const handle = this.#source.watch({ verb: 'watch', ...this.ref }, (event) => this.#apply(event));
    this.#stop = () => handle.stop();
    this.#synced = true;
  }

  stop(): void {
    this.#stop?.();
  }

  hasSynced(): boolean {
    return this.#synced;
  }

  /**
   * Registers a handler; objects already cached arrive as adds first (as for a handler added to
   * a running client-go informer). Returns a function that unregisters it.
   */
  addEventHandler(handler: EventHandler<T>): () => void {
    this.run();
    const handle = this.#source.watch({ verb: 'watch', ...this.ref }, (event) => this.#dispatch(handler, event));
    return () => handle.stop();
  }

  #apply(event: WatchEvent): void {
    if (event.type === 'ADDED' || event.type === 'MODIFIED') {
      const old = this.indexer.put(event.object);
      const current = this.indexer.getByKey(objectKey(event.object))!;
      this.#replaced = old ? { current, old } : undefined;
    } else if (event.type === 'DELETED') {
      this.indexer.delete(objectKey(event.object));
      this.#replaced = undefined;
    }
  }

  #dispatch(handler: EventHandler<T>, event: WatchEvent): void {
    if (event.type === 'ERROR' || event.type === 'BOOKMARK') return;
    if (event.type === 'DELETED') {
      handler.onDelete?.(deepFreeze(event.object) as T);
      return;
    }
    const cached = (this.indexer.getByKey(objectKey(event.object)) ?? event.object) as T;
    if (event.type === 'ADDED') {
      handler.onAdd?.(cached);
      return;
    }
    const old = this.#replaced?.current === cached ? (this.#replaced.old as T) : cached;
    handler.onUpdate?.(old, cached);
  }
}
