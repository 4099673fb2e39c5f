/**
 * An admission plugin of the simulated apiserver: `admit` mutates a new object before validation
 * (MutationInterface), `validate` may refuse it after validation (ValidationInterface). Either
 * returns the Forbidden detail that refuses the request, or nothing.
 */
import type { KubeObject } from '../client.ts';
import type { ServerContext } from '../resource-definition.ts';

export interface AdmissionAttributes {
  group: string;
  resource: string;
  namespace: string | undefined;
  obj: KubeObject;
  ctx: ServerContext;
  /** A dry run admits without recording anything (quota usage). */
  dryRun: boolean;
  /** Writes an object's status as the plugin's own update (quota usage charged on admission). */
  updateStatus(group: string, resource: string, obj: KubeObject): void;
}

export interface AdmissionPlugin {
  admit?(a: AdmissionAttributes): string | undefined;
  validate?(a: AdmissionAttributes): string | undefined;
}

/** Models utilerrors.NewAggregate(...).Error(): one message bare, several deduplicated in brackets. */
export function aggregateMessage(messages: string[]): string | undefined {
  const unique = [...new Set(messages)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
