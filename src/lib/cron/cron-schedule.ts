/**
 * Cron schedules as the CronJob controller reads them: robfig/cron/v3 ParseStandard (five fields,
 * `@hourly`-style descriptors, `@every <duration>`), with its error wording, and the next
 * activation after a time. Times are UTC, the zone of a kubeadm kube-controller-manager.
 */
import { parseGoDuration } from '../duration/go-duration.ts';

export type CronSchedule =
  | { kind: 'spec'; minute: Set<number>; hour: Set<number>; dom: Set<number>; month: Set<number>; dow: Set<number>; domStar: boolean; dowStar: boolean }
  | { kind: 'every'; delayMs: number };

export type CronParseResult = { ok: true; schedule: CronSchedule } | { ok: false; message: string };

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const BOUNDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) },
];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

class CronError extends Error {}

/** Models strconv.Atoi as mustParseInt reports it. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const num = Number(expr);
  if (num < 0) throw new CronError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

/** Models parser.go getRange: `*`, `a`, `a-b`, each with an optional `/step`. */
function getRange(expr: string, bounds: Bounds, into: Set<number>): boolean {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, bounds.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, bounds.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    if (singleDigit) end = bounds.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < bounds.min) throw new CronError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new CronError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.add(v);
  return star;
}

function parseFields(fields: string[]): CronSchedule {
  const sets = fields.map(() => new Set<number>());
  const stars = fields.map((field, i) =>
    field
      .split(',')
      .map((part) => getRange(part, BOUNDS[i]!, sets[i]!))
      .some(Boolean),
  );
  return { kind: 'spec', minute: sets[0]!, hour: sets[1]!, dom: sets[2]!, month: sets[3]!, dow: sets[4]!, domStar: stars[2]!, dowStar: stars[4]! };
}

/** Models robfig/cron/v3 ParseStandard. */
export function parseCronSchedule(spec: string): CronParseResult {
  try {
    if (spec.length === 0) throw new CronError('empty spec string');
    if (spec.startsWith('@')) {
      if (spec.startsWith('@every ')) {
        const parsed = parseGoDuration(spec.slice('@every '.length));
        if (!parsed.ok) throw new CronError(`failed to parse duration ${spec}: ${parsed.message}`);
        // Every: delays below a second become a second; the rest truncate to whole seconds.
        return { ok: true, schedule: { kind: 'every', delayMs: Math.max(1000, Math.floor(parsed.ms / 1000) * 1000) } };
      }
      const fields = DESCRIPTORS[spec];
      if (!fields) throw new CronError(`unrecognized descriptor: ${spec}`);
      return { ok: true, schedule: parseFields(fields.split(' ')) };
    }
    const fields = spec.split(/\s+/).filter(Boolean);
    if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
    return { ok: true, schedule: parseFields(fields) };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, message: e.message };
    throw e;
  }
}

/** Models SpecSchedule.Next / ConstantDelaySchedule.Next: the first activation strictly after `afterMs` (UTC). */
export function nextActivation(schedule: CronSchedule, afterMs: number): number | undefined {
  if (schedule.kind === 'every') return Math.floor(afterMs / 1000) * 1000 + schedule.delayMs;
  const t = new Date(Math.floor(afterMs / 60000) * 60000 + 60000);
  const limit = t.getTime() + 5 * 366 * 24 * 3600 * 1000;
  const dayMatches = (d: Date) => {
    const dom = schedule.dom.has(d.getUTCDate());
    const dow = schedule.dow.has(d.getUTCDay());
    return schedule.domStar || schedule.dowStar ? dom && dow : dom || dow;
  };
  while (t.getTime() < limit) {
    if (!schedule.month.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!schedule.hour.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!schedule.minute.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else return t.getTime();
  }
  return undefined;
}
