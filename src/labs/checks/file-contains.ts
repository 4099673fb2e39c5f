import type { Check } from '../schema.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

export async function checkFileContains(check: Extract<Check, { kind: 'fileContains' }>, ctx: CheckContext): Promise<CheckResult> {
  if (!ctx.fs.exists(check.path)) return fail(check.message ?? `found no file ${check.path}; expected it to exist`);
  const content = ctx.fs.readFile(check.path);
  if (check.text !== undefined && !content.includes(check.text)) return fail(check.message ?? `file ${check.path} does not contain "${check.text}"; expected it to`);
  if (check.pattern !== undefined && !new RegExp(check.pattern, 'm').test(content))
    return fail(check.message ?? `file ${check.path} has no line matching /${check.pattern}/; expected one`);
  return pass(`${check.path} has the expected content`);
}
