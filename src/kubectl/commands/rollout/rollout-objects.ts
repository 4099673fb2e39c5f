/**
 * The objects every `rollout` subcommand visits, as its resource builder finds them
 * (ResourceTypeOrNameArgs(true, …), ContinueOnError, Latest, Flatten): named, every one of a type,
 * selected by `-l`, or from `-f`/`-k` manifests, read from the server. Refusals are gathered and
 * printed last, as cmdutil.CheckErr prints an aggregate.
 */
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag, stringsFlag, type FlagSpec } from '../../flags.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { readManifests } from '../../manifests.ts';
import { parseResourceArgs, requestBase } from '../../resource-args.ts';
import { kustomizeDir, namespaceOf, resourceOf } from '../manifest-targets.ts';

/** AddFilenameOptionFlags and AddLabelSelectorFlagVar. */
export const ROLLOUT_BUILDER_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
];

export interface RolloutObject {
  resource: ApiResource;
  obj: KubeObject;
}

/** Validate's refusal when neither arguments nor manifests name anything. */
export function requireRolloutResources(inv: Invocation): void {
  if (inv.args.length === 0 && stringsFlag(inv.flags, 'filename').length === 0 && stringFlag(inv.flags, 'kustomize') === undefined)
    throw new KubectlError('error: required resource not specified');
}

/** The builder's objects; a name the server does not know adds its refusal to `errors`. */
export async function rolloutObjects(inv: Invocation, errors: string[]): Promise<RolloutObject[]> {
  const found: RolloutObject[] = [];
  const read = async (resource: ApiResource, namespace: string | undefined, name: string) => {
    const res = await inv.api.request({ verb: 'get', ...requestBase(resource, namespace), name });
    if (res.ok) found.push({ resource, obj: res.body });
    else errors.push(formatStatus(res.body));
  };
  const files = stringsFlag(inv.flags, 'filename');
  const kustomize = kustomizeDir(inv);
  for (const m of files.length || kustomize !== undefined ? await readManifests(inv.ctx, files, { kustomize, recursive: boolFlag(inv.flags, 'recursive') }) : []) {
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

/** `deployments.apps "web"`, as the polymorphic helpers name an object in their refusals. */
export const groupResource = (resource: ApiResource) => `${resource.name}${resource.group ? `.${resource.group}` : ''}`;

/** `ReplicaSet.apps`, as the polymorphic helpers name a kind they have no helper for. */
export const groupKind = (resource: ApiResource) => `${resource.kind}${resource.group ? `.${resource.group}` : ''}`;

/**
 * cmdutil.CheckErr of the aggregate: one error alone is `error: `-prefixed (a server refusal keeps
 * its `Error from server` wording); several are printed one per line as worded.
 */
export function printRolloutErrors(inv: Invocation, errors: string[]): number {
  for (const error of errors) inv.err(`${error.startsWith('error: ') || error.startsWith('Error from server') || errors.length > 1 ? error : `error: ${error}`}\n`);
  return errors.length ? 1 : 0;
}

/** A KubectlError's message as the aggregate holds it (without the `error: ` a lone error is printed with). */
export function aggregated(error: unknown): string {
  if (!(error instanceof KubectlError)) throw error;
  return error.message.replace(/^error: /, '');
}
