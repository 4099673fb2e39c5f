/**
 * fmt's Sprint, Sprintln and Sprintf over template values (fmt/print.go, fmt/format.go): `%v` of
 * maps as `map[k:v]`, `%!d(string=x)` for a verb that does not fit, MISSING and EXTRA arguments.
 */
import { utf8Bytes } from '../base64.ts';
import { formatGoFloat, goQuote } from '../jsonpath/go-value-format.ts';
import { GoNumber, goTypeOf, isMap, NO_VALUE, numberOf, sortedKeys, type Value } from './values.ts';

/** %v. */
export function formatValue(value: Value): string {
  if (value === NO_VALUE) return '<no value>';
  if (value === null || value === undefined) return '<nil>';
  if (value instanceof GoNumber) return value.goType === 'float64' ? formatGoFloat(value.value) : String(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatGoFloat(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  const record = value as Record<string, unknown>;
  return `map[${sortedKeys(record)
    .map((k) => `${k}:${formatValue(record[k])}`)
    .join(' ')}]`;
}

const isString = (v: Value) => typeof v === 'string';

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: Value[]): string {
  let out = '';
  args.forEach((arg, i) => {
    if (i > 0 && !isString(arg) && !isString(args[i - 1])) out += ' ';
    out += formatValue(arg);
  });
  return out;
}

export function sprintln(args: Value[]): string {
  return `${args.map(formatValue).join(' ')}\n`;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number | undefined;
  precision?: number | undefined;
}

export function sprintf(format: string, args: Value[]): string {
  let out = '';
  let argIndex = 0;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    i = percent + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '-') spec.minus = true;
      else if (c === '+') spec.plus = true;
      else if (c === '#') spec.sharp = true;
      else if (c === ' ') spec.space = true;
      else if (c === '0') spec.zero = true;
      else break;
    }
    const readNumber = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const arg = args[argIndex++];
        return arg instanceof GoNumber || typeof arg === 'number' ? numberOf(arg) : undefined;
      }
      const m = /^[0-9]+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    spec.width = readNumber();
    if (format[i] === '.') {
      i++;
      spec.precision = readNumber() ?? 0;
    }
    const verb = format[i];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    i++;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argIndex >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += pad(formatVerb(verb, args[argIndex++], spec), spec);
  }
  if (argIndex < args.length) {
    out += `%!(EXTRA ${args
      .slice(argIndex)
      .map((a) => (a === null || a === undefined ? '<nil>' : `${goTypeOf(a)}=${formatValue(a)}`))
      .join(', ')})`;
  }
  return out;
}

function pad(text: string, spec: Spec): string {
  if (spec.width === undefined || [...text].length >= spec.width) return text;
  const fill = spec.width - [...text].length;
  if (spec.minus) return text + ' '.repeat(fill);
  if (spec.zero && /^[+-]?[0-9]/.test(text)) {
    const sign = /^[+-]/.test(text) ? text[0]! : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return ' '.repeat(fill) + text;
}

const badVerb = (verb: string, value: Value) => (value === null || value === undefined ? `%!${verb}(<nil>)` : `%!${verb}(${goTypeOf(value)}=${formatValue(value)})`);

function formatVerb(verb: string, value: Value, spec: Spec): string {
  if (verb === 'T') return value === null || value === undefined ? '<nil>' : goTypeOf(value);
  if (verb === 'v') {
    if (spec.plus || !spec.sharp) return formatValue(value);
  }
  if (Array.isArray(value) && verb !== 'v') return `[${value.map((v) => formatVerb(verb, v, { ...spec, width: undefined })).join(' ')}]`;
  if (isMap(value) && verb !== 'v') {
    return `map[${sortedKeys(value)
      .map((k) => `${formatVerb(verb, k, { ...spec, width: undefined })}:${formatVerb(verb, value[k], { ...spec, width: undefined })}`)
      .join(' ')}]`;
  }
  const kind = value instanceof GoNumber ? (value.goType === 'float64' ? 'float' : 'int') : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : typeof value;
  if (kind === 'string') {
    const s = value as string;
    const cut = spec.precision !== undefined ? [...s].slice(0, spec.precision).join('') : s;
    if (verb === 's' || verb === 'v') return cut;
    if (verb === 'q') return goQuote(cut);
    if (verb === 'x' || verb === 'X') {
      const hex = utf8Bytes(cut)
        .map((b) => b.toString(16).padStart(2, '0'))
        .join(spec.space ? ' ' : '');
      return verb === 'X' ? hex.toUpperCase() : hex;
    }
    return badVerb(verb, value);
  }
  if (kind === 'int') {
    const n = numberOf(value);
    const sign = n < 0 ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
    const abs = Math.abs(n);
    const withPrecision = (digits: string) => (spec.precision !== undefined ? digits.padStart(spec.precision, '0') : digits);
    switch (verb) {
      case 'd':
      case 'v':
        return sign + withPrecision(String(abs));
      case 'b':
        return sign + withPrecision(abs.toString(2));
      case 'o':
        return sign + (spec.sharp ? '0' : '') + withPrecision(abs.toString(8));
      case 'O':
        return `${sign}0o${withPrecision(abs.toString(8))}`;
      case 'x':
        return sign + (spec.sharp ? '0x' : '') + withPrecision(abs.toString(16));
      case 'X':
        return sign + (spec.sharp ? '0X' : '') + withPrecision(abs.toString(16).toUpperCase());
      case 'c':
        return String.fromCodePoint(n);
      case 'q':
        return `'${String.fromCodePoint(n)}'`;
      case 'U':
        return `U+${abs.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return badVerb(verb, value);
  }
  if (kind === 'float') {
    const n = numberOf(value);
    const sign = n < 0 || Object.is(n, -0) ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
    const abs = Math.abs(n);
    switch (verb) {
      case 'f':
      case 'F':
        return sign + abs.toFixed(spec.precision ?? 6);
      case 'e':
      case 'E': {
        const [m, e] = abs.toExponential(spec.precision ?? 6).split('e');
        const exp = Number(e);
        const text = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
        return sign + (verb === 'E' ? text.toUpperCase() : text);
      }
      case 'g':
      case 'G':
      case 'v': {
        const text = spec.precision !== undefined ? formatGoFloat(Number(abs.toPrecision(Math.max(spec.precision, 1)))) : formatGoFloat(abs);
        return sign + (verb === 'G' ? text.toUpperCase() : text);
      }
    }
    return badVerb(verb, value);
  }
  if (kind === 'boolean') return verb === 't' || verb === 'v' ? String(value) : badVerb(verb, value);
  return badVerb(verb, value);
}
