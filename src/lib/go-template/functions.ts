/**
 * The builtin functions of text/template (text/template/funcs.go) and the two kubectl adds
 * (cli-runtime printers/template.go: exists, base64decode). Each gets evaluated arguments;
 * `and`/`or` are short-circuited by the executor.
 */
import { decodeBase64, utf8Bytes, utf8Text } from '../base64.ts';
import { sprint, sprintf, sprintln, formatValue } from './go-fmt.ts';
import { basicKind, GoNumber, goTypeOf, isMap, isTrue, NO_VALUE, numberOf, type Value } from './values.ts';

export class FunctionError extends Error {}

export interface FunctionSpec {
  /** Fixed argument count, or the minimum for variadic ones. */
  arity: number;
  variadic?: boolean;
  /** Parameters that must be Go strings (printf's format, base64decode's input). */
  stringParams?: number[];
  call(args: Value[]): Value;
}

const fail = (message: string): never => {
  throw new FunctionError(message);
};

function length(item: Value): Value {
  if (item === NO_VALUE) fail('reflect: call of reflect.Value.Type on zero Value');
  if (item === null) fail('len of nil pointer');
  if (typeof item === 'string') return new GoNumber(utf8Bytes(item).length, 'int');
  if (Array.isArray(item)) return new GoNumber(item.length, 'int');
  if (isMap(item)) return new GoNumber(Object.keys(item).length, 'int');
  return fail(`len of type ${goTypeOf(item)}`);
}

function indexArg(index: Value, cap: number): number {
  if (!(index instanceof GoNumber || typeof index === 'number') || basicKind(index) !== 'int') {
    return fail(index === NO_VALUE || index === null ? 'cannot index slice/array with nil' : `cannot index slice/array with type ${goTypeOf(index)}`);
  }
  const x = numberOf(index);
  if (x < 0 || x >= cap) fail(`index out of range: ${x}`);
  return x;
}

function index(item: Value, ...indexes: Value[]): Value {
  if (item === NO_VALUE || item === null) return fail('index of untyped nil');
  let current: unknown = item;
  for (const i of indexes) {
    if (current === NO_VALUE || current === null) return fail('index of nil pointer');
    if (Array.isArray(current)) current = current[indexArg(i, current.length)];
    else if (typeof current === 'string') {
      const bytes = utf8Bytes(current);
      current = new GoNumber(bytes[indexArg(i, bytes.length)]!, 'uint8');
    } else if (isMap(current)) {
      if (typeof i !== 'string') return fail(i === NO_VALUE || i === null ? 'value is nil; should be of type string' : `value has type ${goTypeOf(i)}; should be string`);
      current = Object.hasOwn(current, i) ? (current[i] as Value) : null;
    } else return fail(`can't index item of type ${goTypeOf(current)}`);
  }
  return current;
}

function slice(item: Value, ...indexes: Value[]): Value {
  if (item === NO_VALUE || item === null) return fail('slice of untyped nil');
  if (indexes.length > 3) return fail(`too many slice indexes: ${indexes.length}`);
  const isText = typeof item === 'string';
  if (!isText && !Array.isArray(item)) return fail(`can't slice item of type ${goTypeOf(item)}`);
  if (isText && indexes.length === 3) return fail('cannot 3-index slice a string');
  const cap = isText ? utf8Bytes(item).length : item.length;
  const bounds = [0, cap];
  indexes.forEach((v, k) => (bounds[k] = indexArg(v, cap + 1)));
  if (bounds[0]! > bounds[1]!) return fail(`invalid slice index: ${bounds[0]} > ${bounds[1]}`);
  if (isText) return utf8Text(utf8Bytes(item).slice(bounds[0], bounds[1]));
  return item.slice(bounds[0], bounds[1]);
}

function compareEqual(a: Value, b: Value): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  const valid = (v: Value) => v !== NO_VALUE;
  if (ka !== kb) {
    if (valid(a) && valid(b)) fail(`incompatible types for comparison: ${goTypeOf(a)} and ${goTypeOf(b)}`);
    return false;
  }
  if (ka === 'int' || ka === 'float') return numberOf(a) === numberOf(b);
  if (ka === 'bool' || ka === 'string') return a === b;
  if (a === null || a === NO_VALUE || b === null || b === NO_VALUE) return (a === null || a === NO_VALUE) === (b === null || b === NO_VALUE);
  return fail(`non-comparable type ${formatValue(b)}: ${goTypeOf(b)}`);
}

function eq(first: Value, ...rest: Value[]): Value {
  if (rest.length === 0) return fail('missing argument for comparison');
  return rest.some((b) => compareEqual(first, b));
}

function lessThan(a: Value, b: Value): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'invalid' || ka === 'bool') fail('invalid type for comparison');
  if (kb === 'invalid' || kb === 'bool') fail('invalid type for comparison');
  if (ka !== kb) fail(`incompatible types for comparison: ${goTypeOf(a)} and ${goTypeOf(b)}`);
  if (ka === 'string') return (a as string) < (b as string);
  return numberOf(a) < numberOf(b);
}

function base64Decode(text: string): string {
  const clean = text.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    const bad = clean.search(/[^A-Za-z0-9+/=]/);
    return fail(`illegal base64 data at input byte ${bad >= 0 ? bad : clean.length - (clean.length % 4 || 4)}`);
  }
  return decodeBase64(clean) ?? fail('illegal base64 data at input byte 0');
}

const htmlEscape = (s: string) => s.replace(/[&'<>"\0]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c]!);
const jsEscape = (s: string) =>
  s.replace(/[\\'"<>&=\u0000-\u001f]/g, (c) => {
    if (c === '\\' || c === "'" || c === '"') return `\\${c}`;
    return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
const queryEscape = (s: string) =>
  encodeURIComponent(s)
    .replace(/%20/g, '+')
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** evalArgs' text for html/js/urlquery: one string argument as is, else Sprint of them all. */
const textOf = (args: Value[]) => (args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args));

export const BUILTINS: Record<string, FunctionSpec> = {
  and: { arity: 1, variadic: true, call: (args) => args.find((a) => !isTrue(a)) ?? args[args.length - 1] },
  or: { arity: 1, variadic: true, call: (args) => args.find((a) => isTrue(a)) ?? args[args.length - 1] },
  not: { arity: 1, call: ([a]) => !isTrue(a) },
  len: { arity: 1, call: ([a]) => length(a) },
  index: { arity: 1, variadic: true, call: ([item, ...rest]) => index(item, ...rest) },
  slice: { arity: 1, variadic: true, call: ([item, ...rest]) => slice(item, ...rest) },
  print: { arity: 0, variadic: true, call: (args) => sprint(args) },
  println: { arity: 0, variadic: true, call: (args) => sprintln(args) },
  printf: { arity: 1, variadic: true, stringParams: [0], call: ([format, ...rest]) => sprintf(format as string, rest) },
  html: { arity: 0, variadic: true, call: (args) => htmlEscape(textOf(args)) },
  js: { arity: 0, variadic: true, call: (args) => jsEscape(textOf(args)) },
  urlquery: { arity: 0, variadic: true, call: (args) => queryEscape(textOf(args)) },
  eq: { arity: 1, variadic: true, call: ([a, ...rest]) => eq(a, ...rest) },
  ne: { arity: 2, call: ([a, b]) => !compareEqual(a, b) },
  lt: { arity: 2, call: ([a, b]) => lessThan(a, b) },
  le: { arity: 2, call: ([a, b]) => lessThan(a, b) || compareEqual(a, b) },
  gt: { arity: 2, call: ([a, b]) => !lessThan(a, b) && !compareEqual(a, b) },
  ge: { arity: 2, call: ([a, b]) => !lessThan(a, b) },
  call: { arity: 1, variadic: true, call: ([fn]) => fail(`non-function ${formatValue(fn)} of type ${goTypeOf(fn)}`) },
  exists: {
    arity: 1,
    variadic: true,
    stringParams: [],
    call: ([item, ...path]) => {
      let current = item;
      for (const key of path) {
        if (!isMap(current) || !Object.hasOwn(current, key as string)) return false;
        current = current[key as string];
      }
      return true;
    },
  },
  base64decode: { arity: 1, stringParams: [0], call: ([text]) => base64Decode(text as string) },
};
