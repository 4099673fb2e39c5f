/**
 * Go's time.ParseDuration, as pflag's DurationVar parses `--since=5m` or `--timeout=30s`, with
 * Go's error wording. Models src/time/format.go ParseDuration.
 */
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export type GoDurationResult = { ok: true; ms: number } | { ok: false; message: string };

export function parseGoDuration(text: string): GoDurationResult {
  const invalid = { ok: false as const, message: `time: invalid duration ${JSON.stringify(text)}` };
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ms: 0 };
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(s)!;
    if (number[0] === '' || number[0] === '.') return invalid;
    s = s.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') return { ok: false, message: `time: missing unit in duration ${JSON.stringify(text)}` };
    const factor = UNIT_MS[unit];
    if (factor === undefined) return { ok: false, message: `time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}` };
    s = s.slice(unit.length);
    total += Number(number[0]) * factor;
  }
  return { ok: true, ms: sign * total };
}
