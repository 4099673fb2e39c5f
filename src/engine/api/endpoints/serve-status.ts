/**
 * Status errors only the HTTP layer produces (negotiation, methods), worded as
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/negotiation/errors.go words them.
 */
import type { Status, StatusReason } from '../client.ts';
export { badRequest } from '../status.ts';

function status(code: number, reason: StatusReason, message: string, details?: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

/** The generic 404 of a path nothing is served at. */
export function pathNotFound(): Status {
  return status(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function notAcceptable(): Status {
  return status(406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf');
}

export function unsupportedMediaType(accepted: string[]): Status {
  return status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

export function methodNotSupported(): Status {
  return status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

export function internalError(message: string): Status {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
