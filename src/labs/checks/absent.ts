import type { Check } from '../schema.ts';
import { describeRef } from '../object-reader.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { singularOf, subjectOf } from './check-subject.ts';

export async function checkAbsent(check: Extract<Check, { kind: 'absent' }>, ctx: CheckContext): Promise<CheckResult> {
  const found = await ctx.reader.list(check);
  const live = found.filter((o) => !o.metadata?.deletionTimestamp);
  if (live.length === 0) return pass(`${describeRef(check)} is absent`);
  const names = live.map((o) => o.metadata?.name).join(', ');
  const why = check.name ? `${subjectOf(check)} still exists; expected it to be deleted` : `found ${subjectOf(check)} (${names}); expected no ${singularOf(check.resource)} left`;
  return fail(check.message ?? why);
}
