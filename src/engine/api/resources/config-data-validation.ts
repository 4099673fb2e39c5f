/** Key rules and `immutable` handling that ConfigMaps and Secrets share. */
import { stableStringify } from '../../store/deep-copy.ts';
import { type FieldError, forbidden, goValue, invalid, tooLong } from '../field-error.ts';
import { isConfigMapKey } from './name-validation.ts';

export const MAX_DATA_SIZE = 1024 * 1024;

export function validateDataKeys(data: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(data ?? {}).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(`${path}[${key}]`, goValue(key), msg));
  }
  return errs;
}

export function tooLarge(path: string): FieldError {
  return tooLong(path, `must have at most ${MAX_DATA_SIZE} bytes`);
}

/** Once `immutable: true` is stored, neither the flag nor the listed fields may change. */
export function validateImmutableData(
  obj: { immutable?: boolean } & Record<string, unknown>,
  old: { immutable?: boolean } & Record<string, unknown>,
  fields: string[],
): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const field of fields) {
    if (stableStringify(obj[field] ?? null) !== stableStringify(old[field] ?? null)) errs.push(forbidden(field, 'field is immutable when `immutable` is set'));
  }
  return errs;
}

/** The UTF-8 bytes of a string (the engine has no TextEncoder). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}
