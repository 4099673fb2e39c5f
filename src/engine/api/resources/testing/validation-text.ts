/** Renders FieldErrors one per line, as the causes of a 422 read. */
import type { KubeObject } from '../../client.ts';
import { formatFieldError } from '../../field-error.ts';
import type { ResourceDefinition, ServerContext } from '../../resource-definition.ts';
import { deepCopy } from '../../../store/deep-copy.ts';

/** Runs the server's create pipeline up to validation and returns the messages. */
export function createErrors(def: ResourceDefinition, obj: KubeObject, ctx: ServerContext): string[] {
  const copy = deepCopy(obj);
  def.applyDefaults?.(copy, ctx);
  return (def.validateCreate?.(copy, ctx) ?? []).map(formatFieldError);
}

/** Runs the full create pipeline and returns the stored object. */
export function created(def: ResourceDefinition, obj: KubeObject, ctx: ServerContext): KubeObject {
  const copy = deepCopy(obj);
  def.applyDefaults?.(copy, ctx);
  const errors = def.validateCreate?.(copy, ctx) ?? [];
  if (errors.length > 0) throw new Error(errors.map(formatFieldError).join('\n'));
  def.admitCreate?.(copy, ctx);
  return copy;
}

/** Runs the server's update pipeline (main resource) and returns the messages. */
export function updateErrors(def: ResourceDefinition, obj: KubeObject, old: KubeObject, ctx: ServerContext): string[] {
  const copy = deepCopy(obj);
  def.applyDefaults?.(copy, ctx);
  def.prepareForUpdate?.(copy, old);
  return (def.validateUpdate?.(copy, old, ctx) ?? []).map(formatFieldError);
}
