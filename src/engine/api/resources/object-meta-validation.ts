/**
 * ValidateObjectMeta of apimachinery (api/validation/objectmeta.go): the name rule of the kind,
 * labels and annotations. The server itself reports a missing name.
 */
import type { ObjectMeta } from '../client.ts';
import { type FieldError, goValue, invalid, tooLong } from '../field-error.ts';
import { isQualifiedName, isValidLabelValue } from './name-validation.ts';

export type NameValidator = (name: string) => string[];

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(key)) errs.push(invalid(path, goValue(key), msg));
    for (const msg of isValidLabelValue(labels![key]!)) errs.push(invalid(path, goValue(labels![key]), msg));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const key of Object.keys(annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(invalid(path, goValue(key), msg));
    total += key.length + annotations![key]!.length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, `must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`));
  return errs;
}

/** `path` is `metadata` for objects, `spec.template.metadata` for pod templates. */
export function validateObjectMeta(meta: ObjectMeta | undefined, validateName: NameValidator, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (meta?.generateName) {
    // The prefix may end in '-': a random suffix follows it.
    const prefix = meta.generateName.replace(/-$/, '');
    for (const msg of validateName(prefix)) errs.push(invalid(`${path}.generateName`, goValue(meta.generateName), msg));
  }
  if (meta?.name) {
    for (const msg of validateName(meta.name)) errs.push(invalid(`${path}.name`, goValue(meta.name), msg));
  }
  if (meta?.generation !== undefined && meta.generation < 0) {
    errs.push(invalid(`${path}.generation`, String(meta.generation), 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta?.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta?.annotations, `${path}.annotations`));
  return errs;
}

/** ValidateNonnegativeField. */
export function validateNonnegative(value: number | undefined, path: string): FieldError[] {
  if (value === undefined || value >= 0) return [];
  return [invalid(path, String(value), 'must be greater than or equal to 0')];
}
