/**
 * The scale subresource: an autoscaling/v1 Scale view of a workload's replicas, read and written
 * through the workload itself. Models pkg/registry/apps/deployment/storage/storage.go ScaleREST.
 */
import type { ApiRequest, ApiResponse, KubeObject } from './client.ts';
import type { ServerLibraries } from './server-libraries.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';

/**
 * Where a custom resource keeps what its Scale shows (the CRD's scale subresource, as field
 * paths): `.spec.replicas`, `.status.replicas`, `.status.selector`.
 */
export interface ScalePaths {
  specReplicas: string[];
  statusReplicas: string[];
  labelSelector?: string[];
}

/** `update` stores the workload with its new replicas, through the ordinary update path. */
export function serveScale(
  req: ApiRequest,
  obj: KubeObject,
  libs: ServerLibraries,
  update: (workload: KubeObject) => ApiResponse<unknown>,
  paths?: ScalePaths,
): ApiResponse<unknown> {
  const scaleOf = (o: KubeObject) => (paths ? customScaleOf(o, paths) : workloadScaleOf(o));
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
  const workload = paths ? withValueAt(obj, paths.specReplicas, desired) : { ...obj, spec: { ...(obj.spec as object | undefined), replicas: desired } };
  const updated = update(workload);
  if (!updated.ok) return updated;
  return { ok: true, code: 200, body: scaleOf(updated.body as KubeObject) };
}

function workloadScaleOf(obj: KubeObject): KubeObject {
  const spec = obj.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } } | undefined;
  const status = obj.status as { replicas?: number } | undefined;
  const selector = Object.entries(spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return scaleObject(obj, spec?.replicas ?? 0, status?.replicas ?? 0, selector);
}

/** Models apiextensions-apiserver pkg/registry/customresource/etcd.go scaleFromCustomResource. */
function customScaleOf(obj: KubeObject, paths: ScalePaths): KubeObject {
  const number = (path: string[]) => {
    const value = valueAt(obj, path);
    return typeof value === 'number' ? value : 0;
  };
  const selector = paths.labelSelector ? valueAt(obj, paths.labelSelector) : undefined;
  return scaleObject(obj, number(paths.specReplicas), number(paths.statusReplicas), typeof selector === 'string' ? selector : '');
}

function valueAt(obj: unknown, path: string[]): unknown {
  return path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), obj);
}

/** A copy of `obj` with `value` at `path`, copying only the objects on the way. */
function withValueAt(obj: KubeObject, path: string[], value: unknown): KubeObject {
  const set = (at: unknown, i: number): unknown => {
    const here = at && typeof at === 'object' ? (at as Record<string, unknown>) : {};
    return { ...here, [path[i]!]: i === path.length - 1 ? value : set(here[path[i]!], i + 1) };
  };
  return set(obj, 0) as KubeObject;
}

function scaleObject(obj: KubeObject, specReplicas: number, statusReplicas: number, selector: string): KubeObject {
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
    spec: { replicas: specReplicas },
    status: { replicas: statusReplicas, selector },
  };
}
