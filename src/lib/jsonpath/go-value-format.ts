/**
 * How Go prints the decoded-JSON values kubectl's JSONPath sees (map[string]interface{}, []interface{},
 * string, float64/int64, bool, nil): `%v` for scalars, json.Marshal for maps and slices, `%#v` in errors.
 */

/** float64 values come from typed objects (json round trip); int64 from Unstructured (a live server). */
export type NumberKind = 'float64' | 'int64';

export function isGoInt(value: number, numbers: NumberKind): boolean {
  return numbers === 'int64' && Number.isInteger(value);
}

/** Go's %v (and %#v) of a float64: strconv 'g' with shortest digits, exponent form when exp < -4 or exp >= 6. */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 6) return String(value);
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

export function formatGoNumber(value: number, numbers: NumberKind): string {
  return isGoInt(value, numbers) ? String(value) : formatGoFloat(value);
}

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += ch;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** encoding/json Marshal: sorted keys, no spaces, <>& and U+2028/9 escaped. */
export function goJsonMarshal(value: unknown, numbers: NumberKind): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
  }
  if (typeof value === 'number') return isGoInt(value, numbers) ? String(value) : formatJsonFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => goJsonMarshal(v, numbers)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareKeys);
  return `{${keys.map((k) => `${goJsonMarshal(k, numbers)}:${goJsonMarshal(record[k], numbers)}`).join(',')}}`;
}

// encoding/json floatEncoder: ES6 number formatting, with e-07 cleaned to e-7.
function formatJsonFloat(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const [mantissa = '', exponent = ''] = value.toExponential().split('e');
    return `${mantissa}e${exponent.startsWith('-') ? exponent : `+${exponent.replace('+', '')}`}`;
  }
  return String(value);
}

/** fmt's %#v of a value inside interface{} containers. */
export function goSyntax(value: unknown, numbers: NumberKind, nested = false): string {
  if (value === null || value === undefined) return nested ? 'interface {}(nil)' : '<nil>';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return formatGoNumber(value, numbers);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map((v) => goSyntax(v, numbers, true)).join(', ')}}`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareKeys);
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSyntax(record[k], numbers, true)}`).join(', ')}}`;
}

/** reflect's Type().String() for a decoded JSON value, as in "%v is not array or slice". */
export function goTypeName(value: unknown, numbers: NumberKind): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return isGoInt(value, numbers) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** fmt's %v of a decoded JSON value: `map[a:1 b:[x y]]`, `<nil>`. */
export function goValueText(value: unknown, numbers: NumberKind): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGoNumber(value, numbers);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => goValueText(v, numbers)).join(' ')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareKeys);
  return `map[${keys.map((k) => `${k}:${goValueText(record[k], numbers)}`).join(' ')}]`;
}

function sortedKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeysDeep);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort(compareKeys)
      .map((k) => [k, sortedKeysDeep(record[k])]),
  );
}

/** json.MarshalIndent(value, "", "    "), for values whose numbers JavaScript prints as Go does. */
export function goJsonMarshalIndent(value: unknown): string {
  return JSON.stringify(sortedKeysDeep(value), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
