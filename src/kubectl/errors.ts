/**
 * How kubectl prints errors (cmd/util/helpers.go): server statuses as `Error from server (Reason):
 * message`, 422 Invalid rebuilt from its causes, everything else as `error: …`.
 */
import type { ApiConnectionError, Status } from '../engine/api/client.ts';

export function formatStatus(status: Status, context?: { verb: 'creating' | 'applying patch' | 'deleting' | 'replacing' | 'patching'; file: string }): string {
  if (status.reason === 'Invalid' && status.details?.causes?.length) {
    const kind = status.details.kind ?? '';
    const name = status.details.name ?? '';
    const lines = [...new Set(status.details.causes.map((c) => `${c.field ? `${c.field}: ` : ''}${c.message}`))];
    if (lines.length === 1) return `The ${kind} "${name}" is invalid: ${lines[0]}`;
    return `The ${kind} "${name}" is invalid: \n${lines.map((l) => `* ${l}`).join('\n')}`;
  }
  const where = context ? `error when ${context.verb} "${context.file}": ` : '';
  // Models pkg/cmd/util/helpers.go checkErr for an Invalid status without causes; AddSourceToErr
  // has already put the file into the message.
  if (status.reason === 'Invalid') {
    const message = `${where}${status.message ?? ''}`;
    if (status.details?.kind || status.details?.name) return `The ${status.details.kind ?? ''} "${status.details.name ?? ''}" is invalid`;
    return message ? `The request is invalid: ${message}` : 'The request is invalid';
  }
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${status.message})`;
  if (!status.reason) return `Error from server: ${where}${status.message}`;
  return `Error from server (${status.reason}): ${where}${status.message}`;
}

export class KubectlError extends Error {
  /** What kubectl wrote to stdout before failing (the template printer's debugging block). */
  constructor(
    message: string,
    readonly stdout = '',
  ) {
    super(message);
  }
}

/** A server kubectl could not reach: its message is the whole line kubectl prints. */
export function isApiConnectionError(error: unknown): error is ApiConnectionError {
  return error instanceof Error && error.name === 'ApiConnectionError';
}

/** The resource builder's refusal when neither arguments nor files name anything (resource.ErrMissingResource wording). */
export const MISSING_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;
