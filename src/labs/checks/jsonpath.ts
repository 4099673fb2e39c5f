import type { Check } from '../schema.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { fieldOf, notFound, showValue, subjectWithin } from './check-subject.ts';
import { jsonPathValues } from './jsonpath-value.ts';

export async function checkJsonPath(check: Extract<Check, { kind: 'jsonpath' }>, ctx: CheckContext): Promise<CheckResult> {
  const obj = await ctx.reader.get(check);
  if (!obj) return fail(check.message && !check.message.includes('{found}') ? check.message : notFound(check));
  const values = jsonPathValues(check.path, obj);
  const value = values.join(' ');
  const { field, within } = fieldOf(check.path);
  const subject = subjectWithin(check, within);
  // "has 2 ready replicas" reads better than "has ready replicas 2".
  const found =
    values.length === 0
      ? `${subject} has no ${field}`
      : values.length === 1 && /replicas$/.test(field) && /^\d+$/.test(value)
        ? `${subject} has ${value} ${field}`
        : `${subject} has ${field} ${values.map(showValue).join(', ')}`;
  const explain = (expected: string) => fail(check.message?.replaceAll('{found}', values.length === 0 ? 'none' : value) ?? `${found}; expected ${expected}`);
  if (check.absent) return values.length === 0 ? pass(`${check.path} is not set`) : explain(`no ${field}`);
  if (check.equals !== undefined && value !== String(check.equals)) return explain(showValue(String(check.equals)));
  if (check.notEquals !== undefined && value === check.notEquals) return explain(`anything but ${showValue(check.notEquals)}`);
  if (check.matches !== undefined && !new RegExp(check.matches).test(value)) return explain(`a value matching /${check.matches}/`);
  if (check.in !== undefined && !check.in.includes(value)) return explain(`one of ${check.in.map(showValue).join(', ')}`);
  if (values.length === 0 && check.equals === undefined && check.matches === undefined) return explain(`a ${field}`);
  return pass(`${check.path} is ${values.map((v) => `"${v}"`).join(', ')}`);
}
