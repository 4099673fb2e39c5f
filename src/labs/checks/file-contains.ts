import type { Check } from '../schema.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

export async function checkFileContains(check: Extract<Check, { kind: 'fileContains' }>, ctx: CheckContext): Promise<CheckResult> {
  if (!ctx.fs.exists(check.path)) return fail(check.message ?? `expected the file ${check.path} to exist, but it does not`);
  const content = ctx.fs.readFile(check.path);
  if (check.text !== undefined && !content.includes(check.text)) return fail(check.message ?? `expected ${check.path} to contain "${check.text}"`);
  if (check.pattern !== undefined && !new RegExp(check.pattern, 'm').test(content)) return fail(check.message ?? `expected ${check.path} to match /${check.pattern}/`);
  return pass(`${check.path} has the expected content`);
}
