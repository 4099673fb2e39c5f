/**
 * `get -f FILE` and `get -k DIR`: each object of the files is fetched by name, in the files'
 * order; consecutive objects of one resource share a table, as get.go's printer groups them.
 */
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringsFlag } from '../../flags.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { readManifests } from '../../manifests.ts';
import type { ResourceTarget } from '../../resource-args.ts';
import { kustomizeDir, namespaceOf, resourceOf } from '../manifest-targets.ts';

export interface FileTargets {
  targets: ResourceTarget[];
  /** The namespace of each name of a target, in the order of its names. */
  namespaces: Map<ResourceTarget, (string | undefined)[]>;
}

/** The targets of `-f`/`-k`, or undefined when neither is given. */
export async function fileTargets(inv: Invocation): Promise<FileTargets | undefined> {
  const kustomize = kustomizeDir(inv);
  const files = stringsFlag(inv.flags, 'filename');
  if (kustomize === undefined && files.length === 0) return undefined;
  if (inv.args.length > 0) throw new KubectlError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  let manifests;
  try {
    manifests = await readManifests(inv.ctx, files, { kustomize, recursive: boolFlag(inv.flags, 'recursive') });
  } catch (error) {
    // get reports a kustomize failure without the `error: ` prefix (it comes back as the visitor's error).
    if (kustomize !== undefined && error instanceof KubectlError) throw new KubectlError(error.message.replace(/^error: /, ''));
    throw error;
  }
  const out: FileTargets = { targets: [], namespaces: new Map() };
  for (const m of manifests) {
    const resource = resourceOf(inv, m);
    const last = out.targets[out.targets.length - 1];
    const target = last?.resource === resource ? last : { resource, names: [] };
    if (target !== last) {
      out.targets.push(target);
      out.namespaces.set(target, []);
    }
    target.names.push(m.obj.metadata?.name ?? '');
    out.namespaces.get(target)!.push(namespaceOf(inv, m, resource));
  }
  return out;
}
