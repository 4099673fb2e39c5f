/**
 * What `rollout pause|resume|restart` share (rollout_pause.go and its siblings): the builder's
 * objects, each changed by its own patch function, patched, and printed as `kind/name <verb>`
 * or in the `-o` format; the refusals are gathered and printed last.
 */
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import { stringFlag, type FlagSpec } from '../../flags.ts';
import { FIELD_MANAGER_FLAG } from '../../field-manager-names.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { printChanged } from '../../local-objects.ts';
import { checkOutputFormat, PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import { requestBase } from '../../resource-args.ts';
import { printRolloutErrors, requireRolloutResources, ROLLOUT_BUILDER_FLAGS, rolloutObjects } from './rollout-objects.ts';

export const ROLLOUT_CHANGE_FLAGS: FlagSpec[] = [FIELD_MANAGER_FLAG, ...ROLLOUT_BUILDER_FLAGS, ...PRINT_FLAGS];

/** A patch for the object, the polymorphic helper's refusal (`is already paused`), or a failure worded whole. */
export type RolloutPatch = { patch: Record<string, unknown> } | { refusal: string } | { failure: string };

export async function patchEachRolloutObject(inv: Invocation, verb: string, patchFor: (resource: ApiResource, obj: KubeObject) => RolloutPatch): Promise<number> {
  requireRolloutResources(inv);
  const errors: string[] = [];
  const found = await rolloutObjects(inv, errors);
  if (found.length === 0 && errors.length === 0) {
    inv.err(`No resources found in ${inv.namespace} namespace.\n`);
    return 0;
  }
  for (const { resource, obj } of found) {
    const name = obj.metadata?.name ?? '';
    const change = patchFor(resource, obj);
    if ('failure' in change) {
      errors.push(change.failure);
      continue;
    }
    if ('refusal' in change) {
      errors.push(`error: ${resource.name}${resource.group ? `.${resource.group}` : ''} ${JSON.stringify(name)} ${change.refusal}`);
      continue;
    }
    const res = await inv.api.request({
      verb: 'patch',
      ...requestBase(resource, obj.metadata?.namespace),
      name,
      patchType: 'application/strategic-merge-patch+json',
      body: change.patch,
    });
    if (!res.ok) {
      errors.push(`failed to patch: ${formatStatus(res.body)}`);
      continue;
    }
    // The printer is made after the patch, so a bad -o fails each object once it is changed.
    try {
      checkOutputFormat(stringFlag(inv.flags, 'output'));
      printChanged(inv, { resource, obj: res.body }, verb);
    } catch (error) {
      if (!(error instanceof KubectlError)) throw error;
      errors.push(error.message);
    }
  }
  return printRolloutErrors(inv, errors);
}
