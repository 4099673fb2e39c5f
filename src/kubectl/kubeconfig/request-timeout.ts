/**
 * `--request-timeout`: read when kubectl builds its client config, so a bad value fails every
 * command that talks to the server before its first request.
 */
import { KubectlError } from '../errors.ts';

export const INVALID_TIMEOUT = 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

/**
 * Models client-go tools/clientcmd ParseTimeout: a non-negative integer is seconds, anything else
 * must be a Go duration (`1h2m`, `-1s`, `1.5s`). Returns milliseconds; throws KubectlError.
 */
export function parseTimeout(text: string): number {
  if (/^[+-]?\d+$/.test(text)) {
    const seconds = BigInt(text);
    if (seconds >= 0n && seconds <= MAX_INT64) return Number(seconds) * 1000;
  }
  const nanoseconds = parseGoDuration(text);
  if (nanoseconds === undefined) throw new KubectlError(INVALID_TIMEOUT);
  return Number(nanoseconds) / 1e6;
}

export function isValidTimeout(text: string): boolean {
  try {
    parseTimeout(text);
    return true;
  } catch {
    return false;
  }
}

const MAX_INT64 = (1n << 63n) - 1n;

const UNIT_NANOSECONDS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** Models Go's time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` or a bare `0`; undefined when invalid. */
function parseGoDuration(text: string): bigint | undefined {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') return undefined;
  let total = 0n;
  while (rest !== '') {
    const part = /^(\d*)(?:\.(\d*))?([^\d.]*)/.exec(rest)!;
    const [whole, integer = '', fraction, unitText = ''] = part;
    if (integer === '' && (fraction ?? '') === '') return undefined;
    const unit = UNIT_NANOSECONDS[unitText];
    if (unit === undefined) return undefined;
    const value = BigInt(integer === '' ? '0' : integer);
    if (value > MAX_INT64 || value > (1n << 63n) / unit) return undefined;
    total += value * unit;
    if (fraction) total += BigInt(Math.floor(Number(`0.${fraction}`) * Number(unit)));
    if (total > (negative ? 1n << 63n : MAX_INT64)) return undefined;
    rest = rest.slice(whole.length);
  }
  return negative ? -total : total;
}
