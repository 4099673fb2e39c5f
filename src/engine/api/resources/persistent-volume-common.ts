/**
 * What PersistentVolumes and PersistentVolumeClaims share: the access-mode and volume-mode checks
 * of pkg/apis/core/validation, storageutil's class and access-mode text, and the column texts.
 */
import type { FieldError } from '../field-error.ts';
import { forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { quantityOf } from './resource-list.ts';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const VOLUME_MODES = ['Block', 'Filesystem'];

/** Models the access-mode loop of ValidatePersistentVolumeSpec and ValidatePersistentVolumeClaimSpec. */
export function validateAccessModes(modes: readonly string[] | undefined, path: string, requiredDetail?: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!modes?.length) errs.push(required(path, requiredDetail));
  let once = false;
  let other = false;
  for (const mode of modes ?? []) {
    if (!ACCESS_MODES.includes(mode)) errs.push(notSupported(path, goValue(mode), ACCESS_MODES));
    else if (mode === 'ReadWriteOncePod') once = true;
    else other = true;
  }
  if (once && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

export function validateVolumeMode(mode: string | undefined, path: string): FieldError[] {
  return mode !== undefined && !VOLUME_MODES.includes(mode) ? [notSupported(path, goValue(mode), VOLUME_MODES)] : [];
}

/** Models ValidateClassName (a DNS subdomain) for storageClassName. */
export function validateClassName(name: string | undefined, path: string): FieldError[] {
  if (!name) return [];
  return isDNS1123Subdomain(name).map((msg) => invalid(path, goValue(name), msg));
}

/** Models ValidatePositiveQuantityValue. */
export function validatePositiveQuantity(value: string | number, path: string): FieldError[] {
  const q = quantityOf(value);
  return q && q.n <= 0n ? [invalid(path, goValue(q.text), 'must be greater than zero')] : [];
}
