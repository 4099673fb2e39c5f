/**
 * Server-side apply (PATCH with application/apply-patch+yaml): the configuration is merged into
 * the live object by the field manager, then written as a create when the object is absent or as
 * an update when it exists. Models staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go
 * applyPatcher.
 */
import type { ObjectStore } from '../store/object-store.ts';
import type { ApiRequest, ApiResponse, KubeObject } from './client.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';
import { resourceKey } from './resource-key.ts';
import { applyConfiguration, type WriteTarget } from './field-manager/field-manager.ts';

/** The server's own writes, which keep the managedFields apply has set. */
export interface AppliedWrites {
  create(req: ApiRequest, namespace: string | undefined): ApiResponse<unknown>;
  update(namespace: string | undefined, obj: KubeObject, isStatus: boolean): ApiResponse<unknown>;
}

export function serveApply(req: ApiRequest, def: ResourceDefinition, store: ObjectStore, target: WriteTarget, writes: AppliedWrites): ApiResponse<unknown> {
  const namespace = def.info.namespaced ? req.namespace : undefined;
  if (def.info.namespaced && !namespace) return failure(statusOf.badRequest('an empty namespace may not be set when a resource name is provided'));
  const key = resourceKey(req.group, req.resource);
  const live = store.get(key, namespace, req.name ?? '');
  const config = req.body as KubeObject;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    const got = Array.isArray(config) ? 'array' : config === null ? 'null' : typeof config === 'number' ? 'number' : typeof config === 'boolean' ? 'bool' : 'string';
    return failure(
      statusOf.badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${got} into Go value of type map[string]interface {}`),
    );
  }
  const configName = config.metadata?.name;
  if (configName !== undefined && configName !== req.name) {
    return failure(statusOf.badRequest(`the name of the object (${configName}) does not match the name on the URL (${req.name})`));
  }
  const applied = applyConfiguration(live, config, req.query!.fieldManager!, req.query?.force === true, target);
  if (!applied.ok) return failure(applied.status);
  const isStatus = req.subresource === 'status';
  if (!live) {
    if (isStatus) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
    (applied.obj.metadata ??= {}).name ??= req.name!;
    return writes.create({ ...req, verb: 'create', body: applied.obj }, namespace);
  }
  return writes.update(namespace, applied.obj, isStatus);
}
