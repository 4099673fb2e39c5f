/**
 * The values a kubectl template sees: the object as Unstructured content (maps, slices, strings,
 * int64 and float64 numbers, bools, nil) plus the typed constants and results of the template itself.
 */

/** A number whose Go type is not the one JSON content implies: constants (`int`, `float64`), len's int, a string's byte. */
export class GoNumber {
  constructor(
    readonly value: number,
    readonly goType: 'int' | 'float64' | 'uint8',
  ) {}
}

/** reflect's invalid Value: a missing map key, printed as `<no value>`. */
export const NO_VALUE: unique symbol = Symbol('no value');

export type Value = unknown;

export type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'complex';

export function goTypeOf(value: Value): string {
  if (value instanceof GoNumber) return value.goType;
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  if (value === null) return '<nil>';
  return 'map[string]interface {}';
}

/** exec.go basicKind, for eq/lt and friends. */
export function basicKind(value: Value): BasicKind {
  if (value instanceof GoNumber) return value.goType === 'float64' ? 'float' : 'int';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  return 'invalid';
}

export const numberOf = (value: Value): number => (value instanceof GoNumber ? value.value : (value as number));

export function isMap(value: Value): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof GoNumber);
}

/** exec.go isTrue: the truth of if, with, and, or, not. */
export function isTrue(value: Value): boolean {
  if (value === NO_VALUE || value === null || value === undefined) return false;
  if (value instanceof GoNumber) return value.value !== 0;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length > 0;
  return Object.keys(value as object).length > 0;
}

export const sortedKeys = (record: Record<string, unknown>): string[] => Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
