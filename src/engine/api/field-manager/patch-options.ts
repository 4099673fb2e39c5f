/**
 * PatchOptions checks the server makes before anything else: apply needs a field manager, and
 * only apply may force. Models apimachinery pkg/apis/meta/v1/validation ValidatePatchOptions.
 */
import type { ApiRequest, Status } from '../client.ts';

export function patchOptionsError(req: ApiRequest): Status | undefined {
  const isApply = req.patchType === 'application/apply-patch+yaml';
  if (isApply && !req.query?.fieldManager) return invalidPatchOptions('FieldValueRequired', 'fieldManager', 'Required value: is required for apply patch');
  if (!isApply && req.query?.force !== undefined) return invalidPatchOptions('FieldValueForbidden', 'force', 'Forbidden: may not be specified for non-apply patch');
  return undefined;
}

function invalidPatchOptions(reason: string, field: string, detail: string): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `PatchOptions.meta.k8s.io "" is invalid: ${field}: ${detail}`,
    reason: 'Invalid',
    details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason, message: detail, field }] },
    code: 422,
  };
}
