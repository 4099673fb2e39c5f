/**
 * Decodes a create/update body into the kind's object and applies the request's fieldValidation
 * mode (Strict fails on unknown fields, Warn turns them into warnings, Ignore drops them); a body
 * past the size limit is refused before that.
 * Models staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go and its strict decoding.
 */
import type { ApiRequest, ApiResponse, KubeObject } from './client.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import type { ServerLibraries } from './server-libraries.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';

export type DecodedBody = { ok: true; obj: KubeObject; warnings: string[] } | { ok: false; response: ApiResponse<unknown> };

export function decodeRequestBody(req: ApiRequest, def: ResourceDefinition, libs: ServerLibraries): DecodedBody {
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    return {
      ok: false,
      response: failure(
        statusOf.badRequest(
          'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
        ),
      ),
    };
  }
  // Decoding builds a new object, so the caller's body is neither copied first nor changed.
  const decoded = libs.decode(req.body as KubeObject, def);
  const kind = def.goKind ?? def.info.kind;
  const version = def.info.version;
  if (!decoded.ok) {
    return { ok: false, response: failure(statusOf.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${decoded.message}`)) };
  }
  const mode = req.query?.fieldValidation ?? 'Strict';
  const warnings: string[] = [];
  if (decoded.unknownFields.length > 0) {
    if (mode === 'Strict') {
      const list = decoded.unknownFields.map((f) => `unknown field "${f}"`).join(', ');
      return { ok: false, response: failure(statusOf.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${list}`)) };
    }
    if (mode === 'Warn') for (const f of decoded.unknownFields) warnings.push(`unknown field "${f}"`);
  }
  return { ok: true, obj: decoded.obj, warnings };
}

/** Models handlers/rest.go limitedReadBody: a body past the limit is refused before it is decoded. */
export function refuseOversizedBody(req: ApiRequest): ApiResponse<unknown> | undefined {
  if (req.body === undefined || (req.verb !== 'create' && req.verb !== 'update' && req.verb !== 'patch')) return undefined;
  return bodyBytes(req.body) > statusOf.MAX_REQUEST_BODY_BYTES ? failure(statusOf.requestEntityTooLarge(statusOf.MAX_REQUEST_BODY_BYTES)) : undefined;
}

/** The size of a body as the client sent it: compact JSON, which kubectl sends (a patch may already be text). */
function bodyBytes(body: unknown): number {
  return typeof body === 'string' ? body.length : (JSON.stringify(body)?.length ?? 0);
}
