/**
 * The objects `set env` and `set resources` change, gathered as the resource builder gathers them
 * (ContinueOnError, Latest): `-f` files, `TYPE NAME…`, `TYPE/NAME…`, or a type with `--all`/`-l`.
 * Models staging/src/k8s.io/cli-runtime/pkg/resource/builder.go ResourceTypeOrNameArgs.
 */
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag } from '../../flags.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { localObjects, type LocalObject } from '../../local-objects.ts';
import { getObject, listObjects } from '../../object-client.ts';
import { parseResourceArgs } from '../../resource-args.ts';
import { noFileArgs } from '../manifest-targets.ts';

export const LOCAL_WITH_RESOURCES = `error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** The objects found, and the builder's errors (each a whole line as kubectl prints it). */
export interface Targets {
  objects: LocalObject[];
  errors: string[];
}

const typed = (resource: ApiResource, obj: KubeObject): KubeObject => ({
  ...obj,
  apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version,
  kind: resource.kind,
});

/** With `--local`, only the files; otherwise the files' objects and the arguments' as the server has them now. */
export async function gatherTargets(inv: Invocation, refs: string[], missing: string, options: { refuseLocalResources?: boolean } = {}): Promise<Targets> {
  const local = boolFlag(inv.flags, 'local');
  // set resources refuses resource arguments with --local; set env ignores them.
  if (local && refs.length > 0 && options.refuseLocalResources) throw new KubectlError(LOCAL_WITH_RESOURCES);
  if (noFileArgs(inv) && (local || (refs.length === 0 && !boolFlag(inv.flags, 'all')))) throw new KubectlError(missing);
  const objects: LocalObject[] = [];
  const errors: string[] = [];
  const fetch = async (resource: ApiResource, name: string) => {
    const res = await getObject(inv.api, resource, inv.namespace, name);
    if (res.ok) objects.push({ resource, obj: typed(resource, res.body) });
    else errors.push(formatStatus(res.body));
  };
  if (!noFileArgs(inv)) {
    for (const file of await localObjects(inv, missing)) {
      if (local) objects.push(file);
      else await fetch(file.resource, file.obj.metadata?.name ?? '');
    }
  }
  if (local) return { objects, errors };
  const selector = stringFlag(inv.flags, 'selector');
  const all = boolFlag(inv.flags, 'all');
  for (const target of parseResourceArgs(refs, inv.mapper)) {
    if (target.names.length > 0) {
      for (const name of target.names) await fetch(target.resource, name);
      continue;
    }
    if (!selector && !all) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const res = await listObjects(inv.api, target.resource, inv.namespace, selector);
    if (!res.ok) errors.push(formatStatus(res.body));
    else for (const obj of res.body.items) objects.push({ resource: target.resource, obj: typed(target.resource, obj) });
  }
  return { objects, errors };
}
