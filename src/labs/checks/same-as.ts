import type { Check } from '../schema.ts';
import { describeRef } from '../object-reader.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { jsonPathValues } from './jsonpath-value.ts';

export async function checkSameAs(check: Extract<Check, { kind: 'sameAs' }>, ctx: CheckContext): Promise<CheckResult> {
  const obj = await ctx.reader.get(check);
  if (!obj) return fail(check.message ?? `expected ${describeRef(check)} to exist, but it was not found`);
  const value = jsonPathValues(check.path, obj).join(' ');
  const expected = ctx.captures[check.capture];
  if (expected === undefined) return fail(`the earlier step that records "${check.capture}" has not passed yet`);
  return value === expected
    ? pass(`${check.path} unchanged`)
    : fail(check.message ?? `${describeRef(check)} ${check.path} is "${value}", expected "${expected}" (recorded earlier)`);
}
