/**
 * The JSON of metav1.Time, metav1.MicroTime and metav1.Duration decoded from their protobuf
 * fields. Models staging/src/k8s.io/apimachinery/pkg/apis/meta/v1 time.go, micro_time.go,
 * duration.go and Go's time.Duration.String.
 */

/** Go's zero time.Time (year 1) in Unix seconds: what an empty Timestamp decodes to. */
const ZERO_TIME_SECONDS = -62135596800;

/** time.Unix(seconds, nanos) normalised to whole seconds and 0 ≤ nanos < 1e9; undefined when zero. */
function instant(seconds: number, nanos: number): { seconds: number; nanos: number } | undefined {
  const carry = Math.floor(nanos / 1e9);
  const normalized = { seconds: seconds + carry, nanos: nanos - carry * 1e9 };
  return normalized.seconds === ZERO_TIME_SECONDS && normalized.nanos === 0 ? undefined : normalized;
}

function utcSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** metav1.Time: RFC 3339 in UTC, whole seconds; the zero time is null. */
export function timeJson(seconds: number, nanos: number): string | null {
  const at = instant(seconds, nanos);
  return at ? `${utcSeconds(at.seconds)}Z` : null;
}

/** metav1.MicroTime: RFC 3339 in UTC with six fraction digits; the zero time is null. */
export function microTimeJson(seconds: number, nanos: number): string | null {
  const at = instant(seconds, nanos);
  return at ? `${utcSeconds(at.seconds)}.${String(Math.floor(at.nanos / 1000)).padStart(6, '0')}Z` : null;
}

/** Go's time.Duration.String: `1h2m3.5s`, `1.5ms`, `0s`. */
export function goDurationString(nanoseconds: bigint): string {
  if (nanoseconds === 0n) return '0s';
  const sign = nanoseconds < 0n ? '-' : '';
  const ns = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  if (ns < 1_000_000_000n) {
    const [unit, size] = ns < 1000n ? ['ns', 1n] : ns < 1_000_000n ? ['µs', 1000n] : ['ms', 1_000_000n];
    return `${sign}${fraction(ns, size)}${unit}`;
  }
  const hours = ns / 3_600_000_000_000n;
  const minutes = (ns / 60_000_000_000n) % 60n;
  const seconds = `${fraction(ns % 60_000_000_000n, 1_000_000_000n)}s`;
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

/** `value / size` with the fraction's trailing zeros dropped, as fmtFrac does. */
function fraction(value: bigint, size: bigint): string {
  const whole = value / size;
  const rest = value % size;
  if (rest === 0n) return String(whole);
  const digits = String(size).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}
