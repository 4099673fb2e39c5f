/** Small typed helpers over ApiClient for the objects kubectl commands touch most. */
import type { ApiClient, ApiResource, ApiResponse, KubeObject, PatchType } from '../engine/api/client.ts';
import { requestBase } from './resource-args.ts';

export function getObject(api: ApiClient, resource: ApiResource, namespace: string, name: string): Promise<ApiResponse<KubeObject>> {
  return api.request({ verb: 'get', ...requestBase(resource, namespace), name });
}

export function patchObject(
  api: ApiClient,
  resource: ApiResource,
  namespace: string,
  name: string,
  patch: unknown,
  patchType: PatchType,
  serverDryRun = false,
): Promise<ApiResponse<KubeObject>> {
  return api.request({ verb: 'patch', ...requestBase(resource, namespace), name, body: patch, patchType, ...(serverDryRun ? { query: { dryRun: 'All' as const } } : {}) });
}

export function listObjects(api: ApiClient, resource: ApiResource, namespace: string, labelSelector?: string): Promise<ApiResponse<{ items: KubeObject[] }>> {
  return api.request({ verb: 'list', ...requestBase(resource, namespace), ...(labelSelector ? { query: { labelSelector } } : {}) });
}
