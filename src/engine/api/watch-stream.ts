/**
 * One watch: the current objects as ADDED (or the changes since a resourceVersion), then every
 * change that matches, until stopped. A resourceVersion older than the store's history gets 410
 * Gone, as from staging/src/k8s.io/apiserver/pkg/storage/cacher watchCache. Events carry the
 * store's frozen objects, shared with every other watcher.
 */
import type { ObjectStore, StoredEvent } from '../store/object-store.ts';
import type { ApiRequest, KubeObject, WatchEvent, WatchHandle } from './client.ts';

export interface WatchStreamOptions {
  store: ObjectStore;
  key: string;
  namespace: string | undefined;
  matches: (obj: KubeObject) => boolean;
  /** What each event carries: the object itself, or a one-row Table for `kubectl get -w`. */
  render: (obj: KubeObject) => KubeObject;
}

export function openWatchStream(req: ApiRequest, options: WatchStreamOptions, onEvent: (event: WatchEvent) => void): WatchHandle {
  const { store, key, namespace, render } = options;
  const matches = (obj: KubeObject) =>
    (namespace === undefined || obj.metadata?.namespace === namespace) && (req.name === undefined || obj.metadata?.name === req.name) && options.matches(obj);
  let stopped = false;
  const deliver = (event: StoredEvent) => {
    if (stopped || event.resourceKey !== key || !matches(event.object)) return;
    onEvent({ type: event.type, object: render(event.object) });
  };
  const fromVersion = req.query?.resourceVersion;
  if (fromVersion === undefined || fromVersion === '' || fromVersion === '0') {
    for (const obj of store.list(key, namespace)) {
      if (matches(obj)) onEvent({ type: 'ADDED', object: render(obj) });
    }
  } else {
    const missed = store.eventsSince(Number(fromVersion));
    if (missed === undefined) {
      onEvent({
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${fromVersion}`,
          reason: 'Gone',
          code: 410,
        } as unknown as KubeObject,
      });
      return { stop: () => undefined };
    }
    for (const event of missed) deliver(event);
  }
  const unsubscribe = store.subscribe(deliver, { resourceKey: key, ...(namespace === undefined ? {} : { namespace }) });
  return {
    stop: () => {
      stopped = true;
      unsubscribe();
    },
  };
}
