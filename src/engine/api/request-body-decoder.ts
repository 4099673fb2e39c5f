/**
 * Decodes a create/update body into the kind's object and applies the request's fieldValidation
 * mode (Strict fails on unknown fields, Warn turns them into warnings, Ignore drops them); a body
 * past the size limit is refused before that.
 * Models staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go and its strict decoding.
 */
import { stringifyJson } from '../../lib/deep-json/deep-json.ts';
import type { ApiRequest, ApiResponse, KubeObject } from './client.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import type { ServerLibraries } from './server-libraries.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';

export type DecodedBody = { ok: true; obj: KubeObject; warnings: string[] } | { ok: false; response: ApiResponse<unknown> };

/** `trustFrozen`: see decodeObject; the caller must not change the decoded object in place. */
export function decodeRequestBody(req: ApiRequest, def: ResourceDefinition, libs: ServerLibraries, trustFrozen = false): DecodedBody {
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
  const decoded = libs.decode(req.body as KubeObject, def, { trustFrozen });
  const kind = def.goKind ?? def.info.kind;
  const version = def.info.version;
  if (!decoded.ok) {
    return { ok: false, response: failure(statusOf.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${decoded.message}`)) };
  }
  const unknownFields = [...decoded.unknownFields, ...(def.pruneUnknownFields?.(decoded.obj) ?? [])];
  const mode = req.query?.fieldValidation ?? 'Strict';
  const warnings: string[] = [];
  if (unknownFields.length > 0) {
    if (mode === 'Strict') {
      const list = unknownFields.map((f) => `unknown field "${f}"`).join(', ');
      return { ok: false, response: failure(statusOf.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${list}`)) };
    }
    if (mode === 'Warn') for (const f of unknownFields) warnings.push(`unknown field "${f}"`);
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
  return typeof body === 'string' ? body.length : jsonLength(body);
}

/** The length of frozen (stored) objects' JSON, measured once: a status write resends the whole pod. */
const frozenLengths = new WeakMap<object, number>();

/**
 * `JSON.stringify(value).length`, reusing the lengths of frozen fields measured before. Only the
 * top level is walked: below it, one native stringify beats a walk in script.
 */
export function jsonLength(value: unknown): number {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return stringifyJson(value)?.length ?? 0;
  }
  if (Object.isFrozen(value)) return frozenLength(value);
  let length = 2;
  let fields = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function') continue;
    const itemLength = item !== null && typeof item === 'object' && Object.isFrozen(item) ? frozenLength(item) : (stringifyJson(item)?.length ?? 0);
    length += JSON.stringify(key).length + 1 + itemLength;
    fields++;
  }
  return length + Math.max(0, fields - 1);
}

function frozenLength(value: object): number {
  let length = frozenLengths.get(value);
  if (length === undefined) {
    length = stringifyJson(value)?.length ?? 0;
    frozenLengths.set(value, length);
  }
  return length;
}
