/** C's printf conversions as awk's printf and sprintf, OFMT and CONVFMT use them. */

export interface FormatArgument {
  num(): number;
  str(): string;
  /** A number, not a string (`%c` prints the character with that code). */
  readonly isNumber: boolean;
}

export class AwkFormatError extends Error {}

/** Ran out of arguments: what was formatted before the conversion that had none. */
export class MissingArgumentError extends Error {
  constructor(readonly partial: string) {
    super('not enough arguments');
  }
}

/** `%d` and friends go through a C long in mawk 1.3.4 20200120, clamped to its int range. */
const INT_MAX = 2147483647;

export function formatNumber(spec: string, value: number): string {
  const m = /^%([-+ 0#]*)(\d*)(?:\.(\d*))?([diouxXeEfFgGc])$/.exec(spec);
  if (!m) return String(value);
  return pad(
    convert(m[4]!, m[1]!, m[3] === undefined ? undefined : Number(m[3] || '0'), { num: () => value, str: () => String(value), isNumber: true }, true),
    m[1]!,
    Number(m[2] || '0'),
    m[4]!,
  );
}

export function sprintf(format: string, args: FormatArgument[]): string {
  let out = '';
  let next = 0;
  const spec = /%([-+ 0#]*)(\*|\d*)(?:\.(\*|\d*))?([a-zA-Z%]?)/y;
  for (let i = 0; i < format.length;) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    spec.lastIndex = percent;
    const m = spec.exec(format)!;
    i = spec.lastIndex;
    const conv = m[4]!;
    if (conv === '%') {
      out += '%';
      continue;
    }
    const take = (): FormatArgument => {
      const arg = args[next++];
      if (!arg) throw new MissingArgumentError(out);
      return arg;
    };
    let flags = m[1]!;
    let width = m[2] === '*' ? Math.trunc(take().num()) : Number(m[2] || '0');
    if (width < 0) {
      flags += '-';
      width = -width;
    }
    const precisionText = m[3] === '*' ? String(Math.trunc(take().num())) : m[3];
    const precision = precisionText === undefined || Number(precisionText) < 0 ? undefined : Number(precisionText || '0');
    if (!/^[diouxXeEfFgGcs]$/.test(conv)) throw new AwkFormatError(format.slice(percent, i));
    out += pad(convert(conv, flags, precision, take(), false), flags, width, conv);
  }
  return out;
}

function convert(conv: string, flags: string, precision: number | undefined, arg: FormatArgument, isNumberOnly: boolean): string {
  switch (conv) {
    case 's': {
      const s = arg.str();
      return precision === undefined ? s : s.slice(0, precision);
    }
    case 'c':
      return isNumberOnly || arg.isNumber ? String.fromCharCode(Math.trunc(arg.num()) & 0xff) : arg.str().slice(0, 1);
    case 'd':
    case 'i': {
      const n = clampInt(arg.num());
      let digits = Math.abs(n).toString();
      if (precision !== undefined) digits = precision === 0 && n === 0 ? '' : digits.padStart(precision, '0');
      return sign(n < 0, flags) + digits;
    }
    case 'o':
    case 'u':
    case 'x':
    case 'X': {
      const n = Math.max(0, clampInt(arg.num()));
      let digits = n.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
      if (conv === 'X') digits = digits.toUpperCase();
      if (precision !== undefined) digits = precision === 0 && n === 0 ? '' : digits.padStart(precision, '0');
      if (flags.includes('#') && n !== 0) digits = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + digits;
      return digits;
    }
    default:
      return formatFloat(conv, flags, precision ?? 6, arg.num());
  }
}

function clampInt(n: number): number {
  if (Number.isNaN(n)) return -INT_MAX - 1;
  return Math.trunc(Math.max(-INT_MAX - 1, Math.min(INT_MAX, n)));
}

function sign(negative: boolean, flags: string): string {
  return negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

export function formatFloat(conv: string, flags: string, precision: number, value: number): string {
  const negative = value < 0 || Object.is(value, -0);
  const abs = Math.abs(value);
  let body: string;
  if (!Number.isFinite(abs)) body = Number.isNaN(abs) ? 'nan' : 'inf';
  else if (conv === 'f' || conv === 'F') body = fixed(abs, Math.min(precision, 100));
  else if (conv === 'e' || conv === 'E') body = exponential(abs, precision);
  else {
    const p = precision === 0 ? 1 : precision;
    const exponent = abs === 0 ? 0 : Number(abs.toExponential(p - 1).split('e')[1]);
    if (exponent < -4 || exponent >= p) body = exponential(abs, p - 1);
    else body = fixed(abs, Math.max(0, p - 1 - exponent));
    if (!flags.includes('#')) body = body.replace(/\.?0+(?=e|$)/, (z) => (body.includes('.') ? '' : z));
  }
  if (conv === 'E' || conv === 'G' || conv === 'F') body = body.toUpperCase();
  return sign(negative && !Number.isNaN(value), flags) + body;
}

/** toFixed, but a tie exactly halfway rounds to even as glibc's printf does (`%.1f` of 2.25 is 2.2). */
function fixed(abs: number, digits: number): string {
  const scale = 10 ** digits;
  const scaled = abs * scale;
  if (scaled % 1 === 0.5 && scaled / scale === abs && Number.isSafeInteger(scaled - 0.5)) {
    const down = Math.floor(scaled);
    const even = down % 2 === 0 ? down : down + 1;
    return (even / scale).toFixed(digits);
  }
  return abs.toFixed(digits);
}

function exponential(abs: number, precision: number): string {
  const [mantissa, exponent] = abs.toExponential(Math.min(precision, 100)).split('e') as [string, string];
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function pad(text: string, flags: string, width: number, conv: string): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && conv !== 's' && conv !== 'c' && !/nan|inf/i.test(text)) {
    const signLength = /^[-+ ]/.test(text) ? 1 : 0;
    const prefix = /^[-+ ]?0[xX]/.test(text) ? signLength + 2 : signLength;
    return text.slice(0, prefix) + text.slice(prefix).padStart(width - prefix, '0');
  }
  return text.padStart(width);
}
