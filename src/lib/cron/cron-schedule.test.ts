import { describe, expect, it } from 'vitest';
import { nextActivation, parseCronSchedule } from './cron-schedule.ts';

// Error wording of robfig/cron/v3 parser.go (ParseStandard), as CronJob validation quotes it.
const parseErrors = [
  { name: 'too few fields', spec: '* * * *', want: 'expected exactly 5 fields, found 4: [* * * *]' },
  { name: 'one word', spec: 'bad', want: 'expected exactly 5 fields, found 1: [bad]' },
  { name: 'minute above maximum', spec: '61 * * * *', want: 'end of range (61) above maximum (59): 61' },
  { name: 'day of month below minimum', spec: '* * 0 * *', want: 'beginning of range (0) below minimum (1): 0' },
  { name: 'not a number', spec: 'x * * * *', want: 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax' },
  { name: 'reversed range', spec: '5-2 * * * *', want: 'beginning of range (5) beyond end of range (2): 5-2' },
  { name: 'zero step', spec: '*/0 * * * *', want: 'step of range should be a positive number: */0' },
  { name: 'unknown descriptor', spec: '@weird', want: 'unrecognized descriptor: @weird' },
  { name: 'bad every duration', spec: '@every 1x', want: 'failed to parse duration @every 1x: time: unknown unit "x" in duration "1x"' },
  { name: 'empty', spec: '', want: 'empty spec string' },
];

describe('parseCronSchedule', () => {
  it.each(parseErrors)('rejects $name', ({ spec, want }) => {
    expect(parseCronSchedule(spec)).toEqual({ ok: false, message: want });
  });
});

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

const nextCases = [
  { name: 'every minute', spec: '*/1 * * * *', after: '2026-11-22T22:00:20Z', want: '2026-11-22T22:01:00.000Z' },
  { name: 'every five minutes', spec: '*/5 * * * *', after: '2026-11-22T22:01:00Z', want: '2026-11-22T22:05:00.000Z' },
  { name: 'hourly', spec: '@hourly', after: '2026-11-22T22:00:00Z', want: '2026-11-22T23:00:00.000Z' },
  { name: 'daily at midnight', spec: '@daily', after: '2026-11-22T22:00:00Z', want: '2026-11-23T00:00:00.000Z' },
  { name: 'weekly on sunday', spec: '@weekly', after: '2026-11-22T22:00:00Z', want: '2026-11-29T00:00:00.000Z' },
  { name: 'named month and weekday', spec: '30 9 * jan mon', after: '2026-11-22T22:00:00Z', want: '2027-01-04T09:30:00.000Z' },
  { name: 'day of month or weekday when both are restricted', spec: '0 0 1 * fri', after: '2026-11-22T22:00:00Z', want: '2026-11-27T00:00:00.000Z' },
  { name: 'every 90 seconds', spec: '@every 90s', after: '2026-11-22T22:00:00.500Z', want: '2026-11-22T22:01:30.000Z' },
];

describe('nextActivation', () => {
  it.each(nextCases)('$name', ({ spec, after, want }) => {
    const parsed = parseCronSchedule(spec);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(iso(nextActivation(parsed.schedule, at(after)))).toBe(want);
  });
});
