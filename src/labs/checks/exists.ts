import type { Check } from '../schema.ts';
import { describeRef } from '../object-reader.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { notFound } from './check-subject.ts';

export async function checkExists(check: Extract<Check, { kind: 'exists' }>, ctx: CheckContext): Promise<CheckResult> {
  const found = await ctx.reader.list(check);
  return found.length > 0 ? pass(`${describeRef(check)} exists`) : fail(check.message ?? notFound(check));
}
