/** The label and field selectors of a list or watch request, combined into one predicate. */
import type { ApiRequest, KubeObject, Status } from './client.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import type { ServerLibraries } from './server-libraries.ts';
import * as statusOf from './status.ts';

export type RequestMatcher = { ok: true; matches: (obj: KubeObject) => boolean } | { ok: false; status: Status };

export function requestMatcher(req: ApiRequest, def: ResourceDefinition, libs: ServerLibraries): RequestMatcher {
  const labelMatcher = libs.labelMatcher(req.query?.labelSelector ?? '');
  if (!labelMatcher.ok) return { ok: false, status: statusOf.badRequest(labelMatcher.message) };
  const fieldMatcher = libs.fieldMatcher(req.query?.fieldSelector ?? '', def);
  if (!fieldMatcher.ok) return { ok: false, status: statusOf.badRequest(fieldMatcher.message) };
  return {
    ok: true,
    matches: (obj) => labelMatcher.matches(obj.metadata?.labels ?? {}) && fieldMatcher.matches(obj),
  };
}
