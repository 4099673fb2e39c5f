import type { Check } from '../schema.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { fieldOf, notFound, showValue, subjectWithin } from './check-subject.ts';
import { jsonPathValues } from './jsonpath-value.ts';

export async function checkSameAs(check: Extract<Check, { kind: 'sameAs' }>, ctx: CheckContext): Promise<CheckResult> {
  const obj = await ctx.reader.get(check);
  if (!obj) return fail(check.message ?? notFound(check));
  const value = jsonPathValues(check.path, obj).join(' ');
  const expected = ctx.captures[check.capture];
  if (expected === undefined) return fail(`the earlier step that records "${check.capture}" has not passed yet`);
  const { field, within } = fieldOf(check.path);
  return value === expected
    ? pass(`${check.path} unchanged`)
    : fail(check.message ?? `${subjectWithin(check, within)} has ${field} ${showValue(value)}; expected ${showValue(expected)}, as it was earlier`);
}
