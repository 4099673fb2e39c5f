/**
 * The scale subresource: an autoscaling/v1 Scale view of a workload's replicas, read and written
 * through the workload itself. Models pkg/registry/apps/deployment/storage/storage.go ScaleREST.
 */
import type { ApiRequest, ApiResponse, KubeObject } from './client.ts';
import type { ServerLibraries } from './server-libraries.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';

/** `update` stores the workload with its new spec.replicas, through the ordinary update path. */
export function serveScale(req: ApiRequest, obj: KubeObject, libs: ServerLibraries, update: (workload: KubeObject) => ApiResponse<unknown>): ApiResponse<unknown> {
  if (req.verb === 'get') return { ok: true, code: 200, body: scaleOf(obj) };
  if (req.verb !== 'update' && req.verb !== 'patch') {
    return failure(statusOf.methodNotAllowed('the server does not allow this method on the requested resource'));
  }
  let desired: unknown;
  if (req.verb === 'update') {
    desired = (req.body as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
  } else {
    const patched = libs.applyPatch(scaleOf(obj), req.body, req.patchType ?? 'application/merge-patch+json', undefined);
    if (!patched.ok) return failure(patched.status);
    desired = (patched.value as { spec?: { replicas?: unknown } }).spec?.replicas;
  }
  // The stored workload is frozen: the new replicas go on a copy.
  const workload = { ...obj, spec: { ...(obj.spec as object | undefined), replicas: desired } };
  const updated = update(workload);
  if (!updated.ok) return updated;
  return { ok: true, code: 200, body: scaleOf(updated.body as KubeObject) };
}

function scaleOf(obj: KubeObject): KubeObject {
  const spec = obj.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } } | undefined;
  const status = obj.status as { replicas?: number } | undefined;
  const selector = Object.entries(spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata!.name!,
      namespace: obj.metadata!.namespace!,
      uid: obj.metadata!.uid!,
      resourceVersion: obj.metadata!.resourceVersion!,
      creationTimestamp: obj.metadata!.creationTimestamp ?? null,
    },
    spec: { replicas: spec?.replicas ?? 0 },
    status: { replicas: status?.replicas ?? 0, selector },
  };
}
