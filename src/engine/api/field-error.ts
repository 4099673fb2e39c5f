/**
 * Validation errors rendered as apimachinery's field.Error does: `<path>: <type>: <detail>`.
 * Values are formatted like Go's `%#v` in v1.32 (strings quoted, ints plain) — see
 * reference/validation.md §1.
 */
export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueForbidden'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueNotFound'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** Already formatted value (`"My_Pod"`, `-1`, `map[string]string{"app":"web"}`), or undefined. */
  value?: string;
  detail?: string;
}

export const required = (field: string, detail?: string): FieldError => ({
  type: 'FieldValueRequired',
  field,
  ...(detail !== undefined ? { detail } : {}),
});

export const invalid = (field: string, value: string, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  value,
  detail,
});

export const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail });

export const notSupported = (field: string, value: string, supported: string[]): FieldError => ({
  type: 'FieldValueNotSupported',
  field,
  value,
  detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
});

export const duplicate = (field: string, value: string): FieldError => ({ type: 'FieldValueDuplicate', field, value });

export const tooLong = (field: string, detail: string): FieldError => ({ type: 'FieldValueTooLong', field, detail });

export const tooMany = (field: string, actual: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  field,
  value: String(actual),
  detail: `must have at most ${max} items`,
});

/** Go `%#v`-style rendering of a scalar value as v1.32 prints it in validation messages. */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '<nil>';
  return JSON.stringify(value);
}

/** `map[string]string{"app":"web"}` as Go prints a label map with %#v. */
export function goStringMap(map: Record<string, string> | undefined): string {
  if (map === undefined) return 'map[string]string(nil)';
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`).join(', ')}}`;
}

/** The one-line body of a cause, without the field: `Required value`, `Invalid value: "x": detail`. */
export function formatFieldErrorBody(error: FieldError): string {
  const withDetail = (head: string) => (error.detail ? `${head}: ${error.detail}` : head);
  switch (error.type) {
    case 'FieldValueRequired':
      return withDetail('Required value');
    case 'FieldValueInvalid':
      return withDetail(`Invalid value: ${error.value ?? '<nil>'}`);
    case 'FieldValueForbidden':
      return withDetail('Forbidden');
    case 'FieldValueNotSupported':
      return withDetail(`Unsupported value: ${error.value ?? '<nil>'}`);
    case 'FieldValueDuplicate':
      return `Duplicate value: ${error.value ?? '<nil>'}`;
    case 'FieldValueNotFound':
      return `Not found: ${error.value ?? '<nil>'}`;
    case 'FieldValueTooLong':
      return withDetail('Too long');
    case 'FieldValueTooMany':
      return withDetail(`Too many: ${error.value ?? '<nil>'}`);
  }
}

export function formatFieldError(error: FieldError): string {
  return `${error.field}: ${formatFieldErrorBody(error)}`;
}
