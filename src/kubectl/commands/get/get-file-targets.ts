/**
 * `get -f FILE` and `get -k DIR`: each object of the files is fetched by name, in the files'
 * order; consecutive objects of one resource share a table, as get.go's printer groups them.
 * get's builder has no schema: the files are not validated, and what cannot be read or mapped is
 * kept with the lookups' errors, in place (FileLookupErrors).
 */
import type { KubeObject } from '../../../engine/api/client.ts';
import { resolvePath } from '../../../lib/resolve-path.ts';
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringsFlag } from '../../flags.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { visitManifests, type ManifestEntry } from '../../manifests.ts';
import type { ResourceTarget } from '../../resource-args.ts';
import { kustomizeDir, lookupResource, metaString, namespaceOf } from '../manifest-targets.ts';
import { FileLookupErrors, type FilePlace } from './file-lookup-errors.ts';

export interface FileTargets {
  targets: ResourceTarget[];
  /** The namespace of each name of a target, in the order of its names. */
  namespaces: Map<ResourceTarget, (string | undefined)[]>;
  /** Where each name of a target sits among the files' objects. */
  places: Map<ResourceTarget, FilePlace[]>;
  /** The files' objects, in the order of a target's names: one without a name is printed as read (RetrieveLatest skips it). */
  objects: Map<ResourceTarget, KubeObject[]>;
  errors: FileLookupErrors;
  /** One file (or `-k DIR`), not a directory nor stdin: the builder's singleItemImplied. */
  singleItemImplied: boolean;
}

/** The targets of `-f`/`-k`, or undefined when neither is given. */
export async function fileTargets(inv: Invocation): Promise<FileTargets | undefined> {
  const kustomize = kustomizeDir(inv);
  const files = stringsFlag(inv.flags, 'filename');
  if (kustomize === undefined && files.length === 0) return undefined;
  if (inv.args.length > 0) throw new KubectlError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  let entries: ManifestEntry[];
  try {
    entries = await visitManifests(inv.ctx, files, { validation: 'Ignore', kustomize, recursive: boolFlag(inv.flags, 'recursive') });
  } catch (error) {
    // get reports a kustomize failure without the `error: ` prefix (it comes back as the visitor's error).
    if (kustomize !== undefined && error instanceof KubectlError) throw new KubectlError(error.message.replace(/^error: /, ''));
    throw error;
  }
  const out: FileTargets = {
    targets: [],
    namespaces: new Map(),
    places: new Map(),
    objects: new Map(),
    errors: new FileLookupErrors(),
    singleItemImplied: isSingleFile(inv, files, kustomize),
  };
  for (const [seq, entry] of entries.entries()) {
    const place = { seq, ...(entry.list !== undefined ? { list: entry.list } : {}) };
    if ('error' in entry) {
      out.errors.builder(place, entry.error);
      continue;
    }
    const resource = lookupResource(inv, entry);
    if ('error' in resource) {
      out.errors.builder(place, resource.error);
      continue;
    }
    const last = out.targets[out.targets.length - 1];
    const target = last?.resource === resource ? last : { resource, names: [] };
    if (target !== last) {
      out.targets.push(target);
      out.namespaces.set(target, []);
      out.places.set(target, []);
      out.objects.set(target, []);
    }
    target.names.push(metaString(entry.obj.metadata?.name));
    out.namespaces.get(target)!.push(namespaceOf(inv, entry, resource));
    out.places.get(target)!.push(place);
    out.objects.get(target)!.push(entry.obj);
  }
  return out;
}

/** FilenameParam sets singleItemImplied for one path that matches one file; Path clears it for a directory, Stdin for `-`. */
function isSingleFile(inv: Invocation, files: string[], kustomize: string | undefined): boolean {
  if (kustomize !== undefined) return true;
  const [only] = files;
  if (files.length !== 1 || only === undefined || only === '-') return false;
  return inv.ctx.fs.stat(resolvePath(inv.ctx.cwd, only)).kind !== 'directory';
}
