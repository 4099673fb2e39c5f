/**
 * PATCH on the API server (ServerLibraries.applyPatch): applies a JSON, merge or strategic merge
 * patch to the stored object and maps failures to the Status the real server answers with
 * (apiserver pkg/endpoints/handlers/patch.go).
 */
import { applyJsonPatch } from '../../../lib/json-patch/json-patch.ts';
import { jsonMergePatch } from '../../../lib/json-patch/json-merge-patch.ts';
import { emptyPatchSchema, patchSchemaFor } from '../../../lib/strategic-merge/patch-schema.ts';
import { PatchError, strategicMergePatch } from '../../../lib/strategic-merge/strategic-merge-patch.ts';
import type { KubeObject, PatchType, Status } from '../client.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { badRequest, SIMULATED_PATCH_TYPES, unsupportedMediaType } from '../status.ts';

type PatchResult = { ok: true; value: unknown } | { ok: false; status: Status };

function failureStatus(code: number, reason: Status['reason'], message: string, details?: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

// errors.NewGenericServerResponse(422, ...): the JSON patch error itself is not passed on.
const jsonPatchRejected = (): Status => failureStatus(422, 'Invalid', 'the server rejected our request due to an error in our request', {});

// interpretStrategicMergePatchError: format errors are 400s, anything else is an unwrapped 500.
const strategicBadRequests = new Set(['invalid patch format of retainKeys', 'invalid patch format of setElementOrder list']);

function schemaFor(def: ResourceDefinition | undefined) {
  if (def === undefined) return emptyPatchSchema;
  const { group, version, kind } = def.info;
  return patchSchemaFor(group === '' ? version : `${group}/${version}`, kind);
}

export function applyPatch(current: KubeObject, patch: unknown, type: PatchType, def: ResourceDefinition | undefined): PatchResult {
  switch (type) {
    case 'application/json-patch+json': {
      if (!Array.isArray(patch)) {
        const kind = patch === null ? 'null' : typeof patch === 'object' ? 'object' : typeof patch;
        return { ok: false, status: badRequest(`json: cannot unmarshal ${kind} into Go value of type jsonpatch.Patch`) };
      }
      const result = applyJsonPatch(current, patch);
      return result.ok ? result : { ok: false, status: jsonPatchRejected() };
    }
    case 'application/merge-patch+json':
      return { ok: true, value: jsonMergePatch(current, patch) };
    case 'application/strategic-merge-patch+json':
      try {
        return { ok: true, value: strategicMergePatch(current, patch, schemaFor(def)) };
      } catch (e) {
        if (!(e instanceof PatchError)) throw e;
        if (strategicBadRequests.has(e.message)) return { ok: false, status: badRequest(e.message) };
        return { ok: false, status: failureStatus(500, '', e.message) };
      }
    // Server-side apply is served by engine/api/field-manager for objects and their status; an
    // apply patch reaching here targets another subresource (scale), which we do not apply to.
    case 'application/apply-patch+yaml':
      return { ok: false, status: unsupportedMediaType(SIMULATED_PATCH_TYPES) };
  }
}
