import { describe, expect, it } from 'vitest';
import { formatGoDuration } from './go-duration-string.ts';

// Cases from Go's src/time/time_test.go durationTests, within millisecond precision.
describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1ms'],
    [1100, '1.1s'],
    [2200, '2.2s'],
    [60_000, '1m0s'],
    [90_000, '1m30s'],
    [3_600_000, '1h0m0s'],
    [4_210_000, '1h10m10s'],
    [-1, '-1ms'],
  ])('%d ms is %s', (ms, want) => expect(formatGoDuration(ms)).toBe(want));
});
