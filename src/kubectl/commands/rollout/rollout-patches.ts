/**
 * What `rollout pause|resume|restart` share (rollout_pause.go and its siblings): the builder's
 * objects — named, every one of a type, selected by `-l`, or from `-f` files, read from the
 * server — each changed by its own patch function, patched, and printed as `kind/name <verb>`
 * or in the `-o` format; the refusals are gathered and printed last.
 */
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag, stringsFlag, type FlagSpec } from '../../flags.ts';
import { FIELD_MANAGER_FLAG } from '../../field-manager-names.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { printChanged } from '../../local-objects.ts';
import { readManifests } from '../../manifests.ts';
import { checkOutputFormat, PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import { parseResourceArgs, requestBase } from '../../resource-args.ts';
import { namespaceOf, resourceOf } from '../manifest-targets.ts';

export const ROLLOUT_CHANGE_FLAGS: FlagSpec[] = [
  FIELD_MANAGER_FLAG,
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  ...PRINT_FLAGS,
];

/** A patch for the object, the polymorphic helper's refusal (`is already paused`), or a failure worded whole. */
export type RolloutPatch = { patch: Record<string, unknown> } | { refusal: string } | { failure: string };

interface Found {
  resource: ApiResource;
  obj: KubeObject;
}

export async function patchEachRolloutObject(inv: Invocation, verb: string, patchFor: (resource: ApiResource, obj: KubeObject) => RolloutPatch): Promise<number> {
  if (inv.args.length === 0 && stringsFlag(inv.flags, 'filename').length === 0) throw new KubectlError('error: required resource not specified');
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
  // CheckErr prints the gathered errors one per line, as each is worded.
  for (const error of errors) inv.err(`${error.startsWith('error: ') || error.startsWith('Error from server') || errors.length > 1 ? error : `error: ${error}`}\n`);
  return errors.length ? 1 : 0;
}

/** The builder's objects (ResourceTypeOrNameArgs(true, …): a type alone means all of it), NotFound refusals gathered. */
async function rolloutObjects(inv: Invocation, errors: string[]): Promise<Found[]> {
  const found: Found[] = [];
  const read = async (resource: ApiResource, namespace: string | undefined, name: string) => {
    const res = await inv.api.request({ verb: 'get', ...requestBase(resource, namespace), name });
    if (res.ok) found.push({ resource, obj: res.body });
    else errors.push(formatStatus(res.body));
  };
  const files = stringsFlag(inv.flags, 'filename');
  for (const m of files.length ? await readManifests(inv.ctx, files, { recursive: boolFlag(inv.flags, 'recursive') }) : []) {
    const resource = resourceOf(inv, m);
    await read(resource, namespaceOf(inv, m, resource), m.obj.metadata?.name ?? '');
  }
  const selector = stringFlag(inv.flags, 'selector');
  for (const target of parseResourceArgs(inv.args, inv.mapper)) {
    const namespace = target.resource.namespaced ? inv.namespace : undefined;
    if (target.names.length) {
      for (const name of target.names) await read(target.resource, namespace, name);
      continue;
    }
    const res = await inv.api.request<{ items: KubeObject[] }>({
      verb: 'list',
      ...requestBase(target.resource, namespace),
      ...(selector ? { query: { labelSelector: selector } } : {}),
    });
    if (!res.ok) throw new KubectlError(formatStatus(res.body));
    for (const obj of res.body.items) found.push({ resource: target.resource, obj });
  }
  return found;
}
