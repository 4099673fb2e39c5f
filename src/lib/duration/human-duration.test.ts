import { describe, expect, it } from 'vitest';
import { humanDuration, translateTimestampSince } from './human-duration.ts';

// Models apimachinery duration_test.go TestHumanDuration.
const cases: { name: string; seconds: number; want: string }[] = [
  { name: 'clock skew', seconds: -2, want: '<invalid>' },
  { name: 'just under zero', seconds: -0.5, want: '0s' },
  { name: 'seconds', seconds: 5, want: '5s' },
  { name: 'up to two minutes in seconds', seconds: 119, want: '119s' },
  { name: 'two whole minutes', seconds: 120, want: '2m' },
  { name: 'minutes and seconds', seconds: 182, want: '3m2s' },
  { name: 'just under ten minutes', seconds: 9 * 60 + 58, want: '9m58s' },
  { name: 'ten minutes drops seconds', seconds: 10 * 60 + 5, want: '10m' },
  { name: 'minutes up to three hours', seconds: 179 * 60, want: '179m' },
  { name: 'three hours', seconds: 3 * 3600, want: '3h' },
  { name: 'hours and minutes', seconds: 5 * 3600 + 12 * 60, want: '5h12m' },
  { name: 'hours up to two days', seconds: 47 * 3600, want: '47h' },
  { name: 'two days', seconds: 48 * 3600, want: '2d' },
  { name: 'days and hours', seconds: (3 * 24 + 4) * 3600, want: '3d4h' },
  { name: 'days up to two years', seconds: 400 * 86400, want: '400d' },
  { name: 'years and days', seconds: (3 * 365 + 12) * 86400, want: '3y12d' },
  { name: 'years', seconds: 9 * 365 * 86400, want: '9y' },
];

describe('humanDuration', () => {
  it.each(cases)('$name', ({ seconds, want }) => {
    expect(humanDuration(seconds * 1000)).toBe(want);
  });

  it('prints <unknown> for a missing timestamp', () => {
    expect(translateTimestampSince(undefined, 0)).toBe('<unknown>');
    expect(translateTimestampSince('2026-11-22T22:00:00Z', Date.UTC(2026, 10, 22, 22, 1, 5))).toBe('65s');
  });
});
