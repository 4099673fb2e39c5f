/**
 * When client-side apply (or diff) cannot compute its strategic merge patch, e.g. a list item
 * without its merge key: kubectl warns once for each OpenAPI schema it tried, then fails with
 * the three documents it was merging. A field the Go type lacks is worded by each schema in turn.
 * Models pkg/cmd/apply/patcher.go patchSimple (createPatchErrFormat) and Patch.
 */
import type { PatchError } from '../../lib/strategic-merge/strategic-merge-patch.ts';
import { UnknownFieldError } from '../../lib/strategic-merge/struct-fields.ts';
import { encodeLikeGo } from './last-applied.ts';

export interface PatchInputs {
  /** The last-applied annotation as stored ('' when absent). */
  original: string;
  modified: unknown;
  current: unknown;
}

/** Writes the two warnings and returns the error: `error when patching "<file>": creating patch with: …`. */
export function patchCreationError(error: PatchError, file: string, { original, modified, current }: PatchInputs, err: (text: string) => void): string {
  const unknownField = error instanceof UnknownFieldError ? error : undefined;
  err(`warning: error calculating patch from openapi v3 spec: ${unknownField?.openApiV3Message ?? error.message}\n`);
  err(`warning: error calculating patch from openapi spec: ${unknownField?.openApiMessage ?? error.message}\n`);
  return `error when patching "${file}": creating patch with:\noriginal:\n${original}\nmodified:\n${encodeLikeGo(modified)}\ncurrent:\n${encodeLikeGo(current)}\nfor: ${error.message}`;
}
