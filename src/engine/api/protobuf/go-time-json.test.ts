import { describe, expect, it } from 'vitest';
import { goDurationString, microTimeJson, timeJson } from './go-time-json.ts';

describe('metav1.Time and MicroTime JSON', () => {
  const cases: { name: string; seconds: number; nanos: number; time: string | null; micro: string | null }[] = [
    { name: 'a whole second', seconds: 1764979200, nanos: 0, time: '2025-12-06T00:00:00Z', micro: '2025-12-06T00:00:00.000000Z' },
    { name: 'nanos truncate, never round', seconds: 1764979200, nanos: 999_999_999, time: '2025-12-06T00:00:00Z', micro: '2025-12-06T00:00:00.999999Z' },
    { name: 'the Unix epoch is not the zero time', seconds: 0, nanos: 0, time: '1970-01-01T00:00:00Z', micro: '1970-01-01T00:00:00.000000Z' },
    { name: "Go's zero time is null", seconds: -62135596800, nanos: 0, time: null, micro: null },
    { name: 'nanos past a second carry over', seconds: 59, nanos: 1_500_000_000, time: '1970-01-01T00:01:00Z', micro: '1970-01-01T00:01:00.500000Z' },
  ];
  it.each(cases)('$name', ({ seconds, nanos, time, micro }) => {
    expect([timeJson(seconds, nanos), microTimeJson(seconds, nanos)]).toEqual([time, micro]);
  });
});

describe("Go's time.Duration.String", () => {
  const cases: [bigint, string][] = [
    [0n, '0s'],
    [1n, '1ns'],
    [1_100n, '1.1µs'],
    [2_200_000n, '2.2ms'],
    [1_000_000_000n, '1s'],
    [3_500_000_000n, '3.5s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [-5_000_000_000n, '-5s'],
  ];
  it.each(cases)('%s ns is %s', (ns, text) => {
    expect(goDurationString(ns)).toBe(text);
  });
});
