/** A CEL expression over the fetched object(s) and captures; it must evaluate to true. */
import type * as Cel from '@marcbachmann/cel-js';
import type { ObjectReader } from '../object-reader.ts';
import type { Check, ObjectRef } from '../schema.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

type Evaluate = typeof Cel.evaluate;

let loading: Promise<Evaluate> | undefined;

/** cel-js as its own chunk, loaded by the first check that needs it rather than at the worker's start. */
export function celEvaluator(): Promise<Evaluate> {
  loading ??= import('@marcbachmann/cel-js').then(
    (module) => module.evaluate,
    (error: unknown) => {
      // A chunk that failed to arrive is fetched again by the next check.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

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

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => `${show(k)}=${show(v)}`).join(', ');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}=${show(v)}`)
      .join(', ');
  return String(value);
}

/**
 * The failure message with each `{{ expression }}` replaced by its value over the same bindings,
 * so the sentence can name what was found (`APP_COLOR is "pink"`).
 */
export function renderMessage(message: string, bindings: Record<string, unknown>, evaluate: Evaluate): string {
  return message.replace(/\{\{(.+?)\}\}/g, (_, expression: string) => {
    try {
      return show(evaluate(expression.trim(), bindings as never));
    } catch {
      return '(nothing)';
    }
  });
}

export async function checkCel(check: Extract<Check, { kind: 'cel' }>, ctx: CheckContext): Promise<CheckResult> {
  const bindings = await celBindings(check, ctx.reader, ctx.captures);
  const evaluate = await celEvaluator();
  try {
    const result: unknown = evaluate(check.expression, bindings as never);
    return result === true ? pass('condition holds') : fail(renderMessage(check.message, bindings, evaluate));
  } catch {
    return fail(renderMessage(check.message, bindings, evaluate));
  }
}
