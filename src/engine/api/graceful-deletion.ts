/**
 * How a delete proceeds: a pod on a node gets a grace period and stays (with deletionTimestamp)
 * until the kubelet confirms it, an object with finalizers waits for them, and the Orphan policy
 * strips the owner from its dependents. Models staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go
 * BeforeDelete and pkg/registry/core/pod/strategy.go CheckGracefulDelete.
 */
import type { ObjectStore } from '../store/object-store.ts';
import type { ApiRequest, ApiResponse, KubeObject } from './client.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import * as statusOf from './status.ts';
import { failure, success } from './status.ts';
import { formatTimestamp } from './timestamps.ts';
import { resourceKey } from './resource-key.ts';
import { refuseNamespaceDeletion } from './namespace-lifecycle.ts';

/**
 * The delete verb on one object: a dry run stops before any change; otherwise the Orphan policy
 * runs, then the object is marked for a graceful deletion or removed at once. `storeKeys` names
 * every stored resource, where an orphaned dependent may be.
 */
export function deleteObject(
  req: ApiRequest,
  def: ResourceDefinition,
  namespace: string | undefined,
  store: ObjectStore,
  nowMs: number,
  storeKeys: () => string[],
): ApiResponse<unknown> {
  const key = resourceKey(req.group, req.resource);
  const obj = store.get(key, namespace, req.name ?? '');
  if (!obj) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
  const refusal = def.info.kind === 'Namespace' ? refuseNamespaceDeletion(req, obj.metadata!.name!) : undefined;
  if (refusal) return failure(refusal);
  if (req.query?.dryRun === 'All') return success(200, obj);
  const policy = req.query?.propagationPolicy ?? 'Background';
  if (policy === 'Orphan') orphanDependents(store, storeKeys(), obj);
  const graceSeconds = gracePeriodFor(def, obj, req.query?.gracePeriodSeconds);
  if (graceSeconds > 0 || (obj.metadata?.finalizers?.length ?? 0) > 0) {
    if (obj.metadata?.deletionTimestamp) return success(200, obj);
    const terminating = { ...obj, metadata: { ...obj.metadata } };
    const meta = terminating.metadata;
    meta.deletionTimestamp = formatTimestamp(nowMs + graceSeconds * 1000);
    meta.deletionGracePeriodSeconds = graceSeconds;
    if (def.hasSpecChange) meta.generation = (meta.generation ?? 0) + 1;
    const stored = store.put(key, terminating);
    return success(200, stored);
  }
  const removed = store.remove(key, namespace, req.name ?? '');
  return success(200, removed ?? obj);
}

export function gracePeriodFor(def: ResourceDefinition, obj: KubeObject, requested: number | undefined): number {
  if (def.info.kind !== 'Pod') return 0;
  const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  // A pod that never reached a node has nothing to stop.
  if (!spec?.nodeName) return 0;
  const status = obj.status as { phase?: string } | undefined;
  if (status?.phase === 'Succeeded' || status?.phase === 'Failed') return 0;
  if (requested !== undefined) return Math.max(0, requested);
  return spec.terminationGracePeriodSeconds ?? 30;
}

/**
 * Removes an object whose graceful deletion has finished: the kubelet confirms a pod is gone by
 * deleting it again with grace period 0; finalizers must be empty.
 */
export function finishDeletionIfReady(store: ObjectStore, key: string, obj: KubeObject): void {
  const meta = obj.metadata;
  if (!meta?.deletionTimestamp || (meta.finalizers?.length ?? 0) > 0) return;
  if ((meta.deletionGracePeriodSeconds ?? 0) === 0) store.remove(key, meta.namespace, meta.name!);
}

/** propagationPolicy=Orphan: every dependent of `owner`, under any of `keys`, loses its owner reference. */
export function orphanDependents(store: ObjectStore, keys: Iterable<string>, owner: KubeObject): void {
  const uid = owner.metadata?.uid;
  for (const key of keys) {
    for (const dependent of store.list(key)) {
      const refs = dependent.metadata?.ownerReferences;
      if (!refs?.some((r) => r.uid === uid)) continue;
      const metadata = { ...dependent.metadata, ownerReferences: refs.filter((r) => r.uid !== uid) };
      if (metadata.ownerReferences.length === 0) delete (metadata as Partial<typeof metadata>).ownerReferences;
      store.put(key, { ...dependent, metadata });
    }
  }
}
