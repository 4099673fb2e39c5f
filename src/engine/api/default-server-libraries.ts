/** The real libraries behind the API server: decoding, selectors and patches. */
import { decodeObject } from './decode/decode-object.ts';
import { applyPatch } from './patch/apply-patch.ts';
import { fieldMatcher, labelMatcher } from './selectors/selector-matchers.ts';
import type { ServerLibraries } from './server-libraries.ts';

export function defaultServerLibraries(): ServerLibraries {
  return { decode: decodeObject, labelMatcher, fieldMatcher, applyPatch };
}
