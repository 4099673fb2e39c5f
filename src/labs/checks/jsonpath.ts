import type { Check } from '../schema.ts';
import { describeRef } from '../object-reader.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { jsonPathValues } from './jsonpath-value.ts';

export async function checkJsonPath(check: Extract<Check, { kind: 'jsonpath' }>, ctx: CheckContext): Promise<CheckResult> {
  const obj = await ctx.reader.get(check);
  const missing = `expected ${describeRef(check)} to exist, but it was not found`;
  if (!obj) return fail(check.message && !check.message.includes('{found}') ? check.message : missing);
  const values = jsonPathValues(check.path, obj);
  const found = values.length === 0 ? '(nothing)' : values.map((v) => `"${v}"`).join(', ');
  const value = values.join(' ');
  const explain = (expected: string) =>
    fail(check.message?.replaceAll('{found}', values.length === 0 ? 'none' : value) ?? `${describeRef(check)} ${check.path}: expected ${expected}, found ${found}`);
  if (check.absent) return values.length === 0 ? pass(`${check.path} is not set`) : explain('it to be absent');
  if (check.equals !== undefined && value !== String(check.equals)) return explain(`"${check.equals}"`);
  if (check.notEquals !== undefined && value === check.notEquals) return explain(`anything but "${check.notEquals}"`);
  if (check.matches !== undefined && !new RegExp(check.matches).test(value)) return explain(`a value matching /${check.matches}/`);
  if (check.in !== undefined && !check.in.includes(value)) return explain(`one of ${check.in.map((v) => `"${v}"`).join(', ')}`);
  if (values.length === 0 && check.equals === undefined && check.matches === undefined) return explain('a value');
  return pass(`${check.path} is ${found}`);
}
