/**
 * The namespace lifecycle rules: the namespaces every cluster starts with and may not lose, and
 * no new content in a namespace that is missing or being terminated. Models
 * plugin/pkg/admission/namespace/lifecycle/admission.go.
 */
import type { ObjectStore } from '../store/object-store.ts';
import type { ApiRequest, Status } from './client.ts';
import * as statusOf from './status.ts';

/** Namespaces that exist from the start of every cluster and cannot be deleted. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Why an object named `name` may not be created in `namespace`, or undefined when it may. */
export function refuseContentIn(store: ObjectStore, req: ApiRequest, namespace: string, name: string): Status | undefined {
  const ns = store.get('/namespaces', undefined, namespace);
  if (!ns) return statusOf.notFound('', 'namespaces', namespace);
  if (ns.metadata?.deletionTimestamp) {
    return statusOf.forbidden(req.group, req.resource, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
  return undefined;
}

export function refuseNamespaceDeletion(req: ApiRequest, name: string): Status | undefined {
  return SYSTEM_NAMESPACES.includes(name) ? statusOf.forbidden(req.group, req.resource, name, 'this namespace may not be deleted') : undefined;
}
