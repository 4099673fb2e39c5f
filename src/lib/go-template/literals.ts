/** Go literal syntax inside actions: quoted strings, rune constants and numbers (strconv and parse.newNumber). */
import { GoNumber } from './values.ts';

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** strconv.Unquote of a lexed "…" or `…` literal. */
export function unquoteString(quoted: string): string {
  if (quoted.startsWith('`')) return quoted.slice(1, -1);
  return unescape(quoted.slice(1, -1));
}

function unescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    if (e.length > 1 && 'xuU'.includes(e[0]!)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    return ESCAPES[e] ?? e;
  });
}

export function unquoteChar(quoted: string): GoNumber | undefined {
  const text = unescape(quoted.slice(1, -1));
  if ([...text].length !== 1) return undefined;
  return new GoNumber(text.codePointAt(0)!, 'int');
}

/** An untyped constant as exec.go's idealConstant types it: int when integral without a float form, else float64. */
export function parseNumber(text: string): GoNumber | undefined {
  const clean = text.replace(/_/g, '');
  const negative = clean.startsWith('-');
  const body = clean.replace(/^[+-]/, '');
  let value: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) value = parseInt(body.slice(2), 16);
  else if (/^0[oO]?[0-7]+$/.test(body)) value = parseInt(body.replace(/^0[oO]?/, ''), 8);
  else if (/^0[bB][01]+$/.test(body)) value = parseInt(body.slice(2), 2);
  else if (/^[0-9]+$/.test(body)) value = parseInt(body, 10);
  else if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(body)) {
    const float = Number(body) * (negative ? -1 : 1);
    // A float literal with an integral value and no '.', 'e' is still int; with them it is float64.
    return new GoNumber(float, 'float64');
  } else return undefined;
  return new GoNumber(negative ? -value : value, 'int');
}
