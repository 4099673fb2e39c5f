import type { Check } from '../schema.ts';
import { describeRef } from '../object-reader.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

export async function checkAbsent(check: Extract<Check, { kind: 'absent' }>, ctx: CheckContext): Promise<CheckResult> {
  const found = await ctx.reader.list(check);
  const live = found.filter((o) => !o.metadata?.deletionTimestamp);
  return live.length === 0
    ? pass(`${describeRef(check)} is absent`)
    : fail(check.message ?? `expected ${describeRef(check)} to be gone, but found ${live.map((o) => o.metadata?.name).join(', ')}`);
}
