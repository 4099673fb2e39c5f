/**
 * awk's values: numbers, strings, and strnums — input that looks like a number (fields, getline,
 * ARGV, ENVIRON, -v, split) and so compares numerically. An unset variable is the strnum "" / 0.
 */
import { formatNumber } from './format.ts';

export class StrNum {
  constructor(
    readonly text: string,
    readonly num: number,
  ) {}
}

export type Value = number | string | StrNum;

export const UNSET = new StrNum('', 0);

const LOOKS_NUMERIC = /^[ \t\n]*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[ \t\n]*$/;
const LEADING_NUMBER = /^[ \t\n\f\r\v]*([-+]?(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf(?:inity)?|nan))/i;

/** Text from input: a strnum when it looks like a number, else a string. */
export function inputValue(text: string): Value {
  return LOOKS_NUMERIC.test(text) ? new StrNum(text, Number(text.trim())) : text;
}

/** strtod's reading: the longest number at the start, else 0. */
export function stringToNumber(text: string): number {
  const m = LEADING_NUMBER.exec(text);
  if (!m) return 0;
  const t = m[1]!.toLowerCase();
  if (/^[-+]?0x/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[-+]?0x/, ''), 16);
  if (/nan/.test(t)) return t.startsWith('-') ? -NaN : NaN;
  if (/inf/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  return Number(t);
}

export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return stringToNumber(v);
  return v.num;
}

/** mawk prints a whole number within C int's range as an integer, anything else through the format. */
export function numberToString(n: number, format: string): string {
  if (Number.isInteger(n) && n >= -2147483647 && n <= 2147483647) return String(n === 0 ? 0 : n);
  if (Number.isNaN(n)) return n < 0 || Object.is(n, -NaN) ? '-nan' : 'nan';
  return formatNumber(format, n);
}

export function toStringWith(v: Value, format: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v, format);
  return v.text;
}

export function toBoolean(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  return v === UNSET ? false : v.num !== 0;
}

export function isNumeric(v: Value): boolean {
  return typeof v === 'number' || v instanceof StrNum;
}
