/**
 * The indexes controllers share on their informers, as client-go's cache.Indexers: by owner
 * (every ownerReference's uid), by controller (the controlling owner's uid, or the namespace for
 * an orphan) and by an object's own uid.
 */
import type { KubeObject } from '../api/client.ts';
import type { IndexFunc } from './indexer.ts';

export const OWNER_UID_INDEX = 'ownerUid';
export const CONTROLLER_INDEX = 'controller';
export const UID_INDEX = 'uid';

export const ownerUidIndexFunc: IndexFunc = (obj) => (obj.metadata?.ownerReferences ?? []).map((r) => r.uid);

/** The value an orphan in `namespace` is filed under in CONTROLLER_INDEX. */
export const orphansIn = (namespace: string): string => `orphan/${namespace}`;

/** Controlled objects under `uid/<controller uid>`, orphans under orphansIn(namespace). */
export const controllerIndexFunc: IndexFunc = (obj: KubeObject) => {
  const controller = obj.metadata?.ownerReferences?.find((r) => r.controller);
  return [controller ? `uid/${controller.uid}` : orphansIn(obj.metadata?.namespace ?? '')];
};

export const controlledBy = (uid: string): string => `uid/${uid}`;

export const uidIndexFunc: IndexFunc = (obj) => (obj.metadata?.uid ? [obj.metadata.uid] : []);
