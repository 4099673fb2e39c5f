/** A CEL expression over the fetched object(s) and captures; it must evaluate to true. */
import { evaluate } from '@marcbachmann/cel-js';
import type { ObjectReader } from '../object-reader.ts';
import type { Check, ObjectRef } from '../schema.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

/** What a CEL expression sees: `captures`, and `objects`/`object` when it names a resource. */
export async function celBindings(ref: Partial<ObjectRef>, reader: ObjectReader, captures: Record<string, string>): Promise<Record<string, unknown>> {
  const bindings: Record<string, unknown> = { captures };
  if (ref.resource) {
    const objects = await reader.list({
      resource: ref.resource,
      ...(ref.namespace ? { namespace: ref.namespace } : {}),
      ...(ref.name ? { name: ref.name } : {}),
      ...(ref.labelSelector ? { labelSelector: ref.labelSelector } : {}),
    });
    bindings.objects = objects;
    bindings.object = objects[0] ?? null;
  }
  return bindings;
}

export async function checkCel(check: Extract<Check, { kind: 'cel' }>, ctx: CheckContext): Promise<CheckResult> {
  const bindings = await celBindings(check, ctx.reader, ctx.captures);
  try {
    const result: unknown = evaluate(check.expression, bindings as never);
    if (result === true) return pass('condition holds');
    return fail(check.found === undefined ? check.message : check.message.replaceAll('{found}', String(evaluate(check.found, bindings as never))));
  } catch (error) {
    return fail(`${check.message} (${error instanceof Error ? error.message : String(error)})`);
  }
}
