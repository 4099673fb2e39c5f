/**
 * Kubernetes resource quantities (apimachinery pkg/api/resource): `<sign><digits>[.<digits>]<suffix>`
 * where the suffix is decimal SI (`m`, `k`, `M`, …), binary SI (`Ki`, `Mi`, …) or an exponent (`e3`).
 * Values are exact: `n × 10^e` with bigint `n`, rounded up to nano precision as the server does.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value is `n × 10^e`. */
  n: bigint;
  e: number;
  format: QuantityFormat;
  /** What the API server stores and prints: the input when already canonical, else the canonical form. */
  text: string;
}

export type QuantityParseResult = { ok: true; quantity: Quantity } | { ok: false; message: string };

export const quantityFormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const quantitySuffixError = "unable to parse quantity's suffix";

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const maxInt64 = (1n << 63n) - 1n;
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

interface QuantityParts {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

// Models parseQuantityString, including its leniencies ("1." and ".5" are numbers).
function splitQuantity(str: string): QuantityParts | undefined {
  let pos = 0;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < str.length && str[pos] === '0') pos++;
  if (pos >= str.length) return { positive, num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (pos < str.length && isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (pos < str.length && isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos] ?? '')) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < str.length && isDigit(str[pos])) pos++;
  if (pos < str.length) return undefined;
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } | undefined {
  const decimal = decimalSuffixes[suffix];
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = binarySuffixes[suffix];
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  return undefined;
}

// ParseQuantity keeps the caller's string when it is already in canonical form (its int64 fast path).
function keepsInputText(parts: QuantityParts, base: 10 | 2, exponent: number): boolean {
  const shifted = parts.num + parts.denom;
  if (base === 10) {
    const scale = exponent - parts.denom.length;
    return 18 - shifted.length >= 0 && scale >= -9 && scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  }
  if (parts.denom !== '') return false;
  const precision = 15 - parts.num.length - Math.trunc((exponent * 3) / 10) - 1;
  const value = BigInt(parts.num);
  return precision >= 0 && value << BigInt(exponent) <= maxInt64 && (value & 7n) !== 0n;
}

export function parseQuantity(str: string): QuantityParseResult {
  if (str.length === 0) return { ok: false, message: quantityFormatError };
  const parts = splitQuantity(str);
  if (parts === undefined) return { ok: false, message: quantityFormatError };
  const suffix = interpretSuffix(parts.suffix);
  if (suffix === undefined) return { ok: false, message: quantitySuffixError };
  let n = BigInt(parts.num + parts.denom);
  let e = -parts.denom.length;
  if (suffix.base === 10) e += suffix.exponent;
  else n <<= BigInt(suffix.exponent);
  ({ n, e } = roundUpToNano(n, e));
  // Only binary-SI values are capped at the int64 maximum (ParseQuantity's "simple cap").
  if (suffix.format === 'BinarySI' && compareParts(n, e, maxInt64, 0) > 0) {
    n = maxInt64;
    e = 0;
  }
  let format = suffix.format;
  if (format === 'BinarySI' && n > 0n && compareParts(n, e, 1n, 0) < 0) format = 'DecimalSI';
  if (!parts.positive) n = -n;
  const quantity = { n, e, format, text: '' };
  quantity.text = n !== 0n && keepsInputText(parts, suffix.base, suffix.exponent) ? str : canonicalize(quantity);
  return { ok: true, quantity };
}

/** Quantity.UnmarshalJSON: a JSON string or number, surrounding whitespace ignored. */
export function parseQuantityJson(value: string | number): QuantityParseResult {
  return parseQuantity(String(value).trim());
}

function roundUpToNano(n: bigint, e: number): { n: bigint; e: number } {
  if (n === 0n || e >= -9) return { n, e };
  const divisor = 10n ** BigInt(-9 - e);
  return { n: (n + divisor - 1n) / divisor, e: -9 };
}

function compareParts(an: bigint, ae: number, bn: bigint, be: number): number {
  const e = Math.min(ae, be);
  const a = an * 10n ** BigInt(ae - e);
  const b = bn * 10n ** BigInt(be - e);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Quantity.CanonicalizeBytes: the form the server writes back. */
export function canonicalize(q: Pick<Quantity, 'n' | 'e' | 'format'>): string {
  if (q.n === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const small = compareParts(q.n < 0n ? -q.n : q.n, q.e, 1024n, 0) < 0;
    if (small || integerValue(q) === undefined) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let value = integerValue(q) ?? 0n;
    let power = 0;
    while (value % 1024n === 0n && power < 6) {
      value /= 1024n;
      power++;
    }
    return `${value}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][power] ?? ''}`;
  }
  let { n, e } = q;
  while (n % 10n === 0n) {
    n /= 10n;
    e++;
  }
  while (e % 3 !== 0) {
    n *= 10n;
    e--;
  }
  if (format === 'DecimalExponent') return e === 0 ? `${n}` : `${n}e${e}`;
  const suffix = Object.entries(decimalSuffixes).find(([, exp]) => exp === e)?.[0] ?? '';
  return `${n}${suffix}`;
}

function integerValue(q: Pick<Quantity, 'n' | 'e'>): bigint | undefined {
  if (q.e >= 0) return q.n * 10n ** BigInt(q.e);
  const divisor = 10n ** BigInt(-q.e);
  return q.n % divisor === 0n ? q.n / divisor : undefined;
}

/** The stored/printed form of a quantity string, or undefined when it does not parse. */
export function canonicalQuantity(str: string): string | undefined {
  const r = parseQuantity(str);
  return r.ok ? r.quantity.text : undefined;
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return Math.sign(compareParts(a.n, a.e, b.n, b.e)) as -1 | 0 | 1;
}

/** Quantity.ScaledValue: ceil(q × 10^-scale), e.g. scale -3 for MilliValue. */
export function quantityScaledValue(q: Pick<Quantity, 'n' | 'e'>, scale: number): number {
  const shift = q.e - scale;
  if (shift >= 0) return Number(q.n * 10n ** BigInt(shift));
  const divisor = 10n ** BigInt(-shift);
  const quotient = q.n / divisor;
  return Number(q.n > 0n && q.n % divisor !== 0n ? quotient + 1n : quotient);
}

export function quantityMilliValue(q: Pick<Quantity, 'n' | 'e'>): number {
  return quantityScaledValue(q, -3);
}

export function quantityValue(q: Pick<Quantity, 'n' | 'e'>): number {
  return quantityScaledValue(q, 0);
}

/** resource.NewScaledQuantity / NewMilliQuantity: `quantityFromScaled(500, -3, 'DecimalSI').text === '500m'`. */
export function quantityFromScaled(value: number | bigint, scale: number, format: QuantityFormat): Quantity {
  const q = { n: BigInt(value), e: scale, format };
  return { ...q, text: canonicalize(q) };
}

/** Quantity.Add: keeps the receiver's format unless the receiver is zero. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.e, b.e);
  const n = a.n * 10n ** BigInt(a.e - e) + b.n * 10n ** BigInt(b.e - e);
  const q = { n, e, format: a.n === 0n ? b.format : a.format };
  return { ...q, text: canonicalize(q) };
}
