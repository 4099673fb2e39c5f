/** A CEL expression over the fetched object(s) and captures; it must evaluate to true. */
import { evaluate } from '@marcbachmann/cel-js';
import type { Check } from '../schema.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

export async function checkCel(check: Extract<Check, { kind: 'cel' }>, ctx: CheckContext): Promise<CheckResult> {
  const bindings: Record<string, unknown> = { captures: ctx.captures };
  if (check.resource) {
    const objects = await ctx.reader.list({ resource: check.resource, ...(check.namespace ? { namespace: check.namespace } : {}), ...(check.name ? { name: check.name } : {}), ...(check.labelSelector ? { labelSelector: check.labelSelector } : {}) });
    bindings.objects = objects;
    bindings.object = objects[0] ?? null;
  }
  try {
    const result: unknown = evaluate(check.expression, bindings as never);
    return result === true ? pass('condition holds') : fail(check.message);
  } catch (error) {
    return fail(`${check.message} (${error instanceof Error ? error.message : String(error)})`);
  }
}
