import type { Check } from '../schema.ts';
import { describeRef } from '../object-reader.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { countOf } from './check-subject.ts';

export async function checkCount(check: Extract<Check, { kind: 'count' }>, ctx: CheckContext): Promise<CheckResult> {
  const n = (await ctx.reader.list(check)).filter((o) => !o.metadata?.deletionTimestamp).length;
  const expected =
    check.equals !== undefined
      ? `exactly ${check.equals}`
      : [check.min !== undefined ? `at least ${check.min}` : '', check.max !== undefined ? `at most ${check.max}` : ''].filter(Boolean).join(' and ');
  const ok = (check.equals === undefined || n === check.equals) && (check.min === undefined || n >= check.min) && (check.max === undefined || n <= check.max);
  return ok ? pass(`${n} ${describeRef(check)}`) : fail(check.message?.replaceAll('{found}', String(n)) ?? `found ${countOf(check, n)}; expected ${expected}`);
}
