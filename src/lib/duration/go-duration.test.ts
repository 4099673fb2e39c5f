import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration.ts';

const cases = [
  { name: 'seconds', text: '5s', want: { ok: true, ms: 5000 } },
  { name: 'compound', text: '1h30m', want: { ok: true, ms: 5_400_000 } },
  { name: 'fraction', text: '1.5m', want: { ok: true, ms: 90_000 } },
  { name: 'milliseconds', text: '500ms', want: { ok: true, ms: 500 } },
  { name: 'negative', text: '-5s', want: { ok: true, ms: -5000 } },
  { name: 'bare zero', text: '0', want: { ok: true, ms: 0 } },
  { name: 'unknown unit', text: '5x', want: { ok: false, message: 'time: unknown unit "x" in duration "5x"' } },
  { name: 'missing unit', text: '5', want: { ok: false, message: 'time: missing unit in duration "5"' } },
  { name: 'no number', text: 'abc', want: { ok: false, message: 'time: invalid duration "abc"' } },
] as const;

describe('parseGoDuration', () => {
  it.each(cases)('$name', ({ text, want }) => {
    expect(parseGoDuration(text)).toEqual(want);
  });
});
