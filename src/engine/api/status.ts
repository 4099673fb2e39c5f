/**
 * Status errors worded as the real API server words them (k8s.io/apimachinery
 * pkg/api/errors/errors.go). kubectl adds its own prefixes (`Error from server (NotFound): `).
 */
import type { ApiResponse, Status, StatusCause, StatusReason } from './client.ts';
import { formatFieldError, type FieldError } from './field-error.ts';

/** `deployments.apps`, or plain `pods` for the core group. */
export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

function status(code: number, reason: StatusReason, message: string, details?: Status['details']): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

export function failure<T>(body: Status, warnings?: string[]): ApiResponse<T> {
  return { ok: false, code: body.code, body, ...(warnings?.length ? { warnings } : {}) };
}

export function notFound(group: string, resource: string, name: string): Status {
  return status(404, 'NotFound', `${qualifiedResource(group, resource)} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function alreadyExists(group: string, resource: string, name: string): Status {
  return status(409, 'AlreadyExists', `${qualifiedResource(group, resource)} "${name}" already exists`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function conflict(group: string, resource: string, name: string, detail: string): Status {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(group, resource)} "${name}": ${detail}`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function badRequest(message: string): Status {
  return status(400, 'BadRequest', message);
}

/** A body whose media type the endpoint does not decode (apiserver handlers/rest.go). */
export function unsupportedMediaType(accepted: string[]): Status {
  return status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

/** The patch types a subresource without server-side apply (scale, ephemeralcontainers…) decodes. */
export const SIMULATED_PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];

/** The apiserver's request body limit (server/config.go MaxRequestBodyBytes: twice etcd's 1.5 MiB). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/** A body past MaxRequestBodyBytes (apiserver handlers/rest.go limitedReadBody). */
export function requestEntityTooLarge(limit: number): Status {
  return status(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

export function methodNotAllowed(message: string): Status {
  return status(405, 'MethodNotAllowed', message);
}

export function forbidden(group: string, resource: string, name: string, detail: string): Status {
  return status(403, 'Forbidden', `${qualifiedResource(group, resource)} "${name}" is forbidden: ${detail}`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function internalError(message: string): Status {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

/**
 * 422 Invalid: `<Kind> "<name>" is invalid: [<err1>, <err2>]` (one error is printed without
 * brackets), with one cause per field error — kubectl rebuilds its message from the causes.
 */
export function invalid(group: string, kind: string, name: string, errors: FieldError[]): Status {
  const lines = errors.map(formatFieldError);
  const aggregate = lines.length === 1 ? lines[0]! : `[${lines.join(', ')}]`;
  const causes: StatusCause[] = errors.map((e) => ({
    reason: e.type,
    message: formatFieldError(e).slice(e.field.length + 2),
    field: e.field,
  }));
  return status(422, 'Invalid', `${kind} "${name}" is invalid: ${aggregate}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes,
  });
}

/** A path no route serves (an unknown resource, version or subresource): a bare 404. */
export function resourceNotFound(): Status {
  return status(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function success<T>(code: number, body: T, warnings?: string[]): ApiResponse<T> {
  return { ok: true, code, body, ...(warnings?.length ? { warnings } : {}) };
}
