/**
 * `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, `--overwrite` to
 * change, on named objects or on every object a selector (or `--all`) lists.
 */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import { fileArgManifests, KUSTOMIZE_FLAG, namespaceOf, noFileArgs, resourceOf } from './manifest-targets.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, dryRunQuery, dryRunStrategy } from '../dry-run.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { isLocal, localObjects, printChanged } from '../local-objects.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';
import { sortKeysDeep, toJson, toYaml } from '../printers/yaml-printer.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';

interface Changes {
  set: Map<string, string>;
  remove: string[];
}

interface MetadataKind {
  path: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  /** The file name in the --local refusal's example (`-f pod.yaml`, `-f rsrc.yaml`). */
  localFile: string;
  /** The word in kubectl's messages: `label`, `annotation`. */
  noun: string;
  parse(pairs: string[]): Changes;
  /** The --overwrite=false refusal, or undefined when nothing would be overwritten. */
  overwriteError(current: Record<string, string>, set: Map<string, string>): string | undefined;
  /** The operation printed after `kind/name`, from the object before and after. */
  operation(before: KubeObject, after: KubeObject, overwrite: boolean): string;
}

/** Models pkg/cmd/util/helpers.go GetResourcesAndPairs: every resource comes before the changes. */
export function splitResourcesAndPairs(args: string[], noun: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = arg.includes('=') || arg.endsWith('-');
    if (isPair) pairs.push(arg);
    else if (pairs.length > 0) throw new KubectlError(`error: all resources must be specified before ${noun} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Models pkg/cmd/label/label.go parseLabels. */
export function parseLabels(pairs: string[]): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts = pair.split('=');
      if (parts.length !== 2) throw new KubectlError(`error: invalid label spec: ${pair}`);
      const value = parts[1]!;
      const problems = [
        ...(value.length > 63 ? ['must be no more than 63 characters'] : []),
        ...(LABEL_VALUE.test(value)
          ? []
          : [
              `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
            ]),
      ];
      if (problems.length) throw new KubectlError(`error: invalid label value: ${JSON.stringify(pair)}: ${problems.join(';')}`);
      set.set(parts[0]!, value);
    } else remove.push(pair.slice(0, -1));
  }
  if (remove.some((key) => set.has(key))) throw new KubectlError('error: can not both modify and remove a label in the same command');
  return { set, remove };
}

/** Models pkg/cmd/util/helpers.go ParsePairs and annotate.go validateAnnotations. */
export function parseAnnotations(pairs: string[]): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=') && !pair.startsWith('=')) set.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    else if (pair.endsWith('-') && pair !== '-') remove.push(pair.slice(0, -1));
    else invalid.push(pair);
  }
  if (invalid.length) throw new KubectlError(`error: invalid annotation format: ${invalid.join(', ')}`);
  const both = remove.filter((key) => set.has(key));
  if (both.length) throw new KubectlError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return { set, remove };
}

const LABEL: MetadataKind = {
  path: 'label',
  field: 'labels',
  localFile: 'pod',
  noun: 'label',
  parse: parseLabels,
  // Models label.go validateNoOverwrites: a key that would get a different value is refused.
  overwriteError(current, set) {
    const lines = [...set.keys()]
      .filter((key) => current[key] !== undefined && current[key] !== set.get(key))
      .map((key) => `'${key}' already has a value (${current[key]}), and --overwrite is false`);
    if (lines.length === 0) return undefined;
    return lines.length === 1 ? `error: ${lines[0]}` : `error: [${lines.join(', ')}]`;
  },
  // Models label.go updateDataChangeMsg: it compares the JSON of the whole object.
  operation(before, after, overwrite) {
    const [old, now] = [JSON.stringify(before), JSON.stringify(after)];
    if (old === now) return 'not labeled';
    return !overwrite && now.length < old.length ? 'unlabeled' : 'labeled';
  },
};

const ANNOTATE: MetadataKind = {
  path: 'annotate',
  field: 'annotations',
  localFile: 'rsrc',
  noun: 'annotation',
  parse: parseAnnotations,
  // Models annotate.go validateNoAnnotationOverwrites: change-cause may always be overwritten.
  overwriteError(current, set) {
    const found = [...set.keys()]
      .filter((key) => key !== 'kubernetes.io/change-cause' && current[key] !== undefined && current[key] !== set.get(key))
      .map((key) => `'${key}' already has a value (${current[key]})`);
    return found.length ? `error: --overwrite is false but found the following declared annotation(s): ${found.join('; ')}` : undefined;
  },
  operation: () => 'annotated',
};

interface Found {
  resource: ApiResource;
  object: KubeObject;
}

/**
 * The objects the arguments or `-f` files name, read from the server (the builder's Latest), or
 * those a selector or `--all` lists; the server's refusal is printed for each one it cannot find.
 * `one` is the builder's IntoSingleItemImplied: a single named object.
 */
async function findObjects(inv: Invocation, resources: string[]): Promise<{ found: Found[]; failed: boolean; one: boolean }> {
  const selector = stringFlag(inv.flags, 'selector');
  const fieldSelector = stringFlag(inv.flags, 'field-selector');
  const allNamespaces = boolFlag(inv.flags, 'all-namespaces');
  const found: Found[] = [];
  let failed = false;
  const read = async (resource: ApiResource, namespace: string | undefined, name: string) => {
    const res = await inv.api.request({ verb: 'get', ...requestBase(resource, namespace), name });
    if (!res.ok) {
      inv.err(`${formatStatus(res.body)}\n`);
      failed = true;
    } else found.push({ resource, object: res.body });
  };
  const manifests = await fileArgManifests(inv);
  for (const m of manifests) {
    const resource = resourceOf(inv, m);
    await read(resource, namespaceOf(inv, m, resource), m.obj.metadata?.name ?? '');
  }
  const targets = parseResourceArgs(resources, inv.mapper);
  for (const target of targets) {
    if (target.names.length === 0) {
      if (!selector && !fieldSelector && !boolFlag(inv.flags, 'all')) throw new KubectlError('error: resource(s) were provided, but no name was specified');
      const query = { ...(selector ? { labelSelector: selector } : {}), ...(fieldSelector ? { fieldSelector } : {}) };
      const res = await inv.api.request<{ items: KubeObject[] }>({ verb: 'list', ...requestBase(target.resource, allNamespaces ? undefined : inv.namespace), query });
      if (!res.ok) {
        inv.err(`${formatStatus(res.body)}\n`);
        failed = true;
      } else for (const object of res.body.items) found.push({ resource: target.resource, object });
      continue;
    }
    if (allNamespaces) throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces');
    for (const name of target.names) await read(target.resource, inv.namespace, name);
  }
  const named = targets.flatMap((t) => t.names).length;
  const one = manifests.length + named === 1 && targets.every((t) => t.names.length > 0);
  return { found, failed, one };
}

function metadataCommand(kind: MetadataKind): KubectlCommand {
  return {
    path: kind.path,
    flags: [
      { name: 'overwrite', kind: 'bool' },
      { name: 'all', kind: 'bool' },
      { name: 'all-namespaces', short: 'A', kind: 'bool' },
      { name: 'selector', short: 'l', kind: 'string' },
      { name: 'field-selector', kind: 'string' },
      { name: 'local', kind: 'bool' },
      { name: 'filename', short: 'f', kind: 'strings' },
      { name: 'recursive', short: 'R', kind: 'bool' },
      KUSTOMIZE_FLAG,
      { name: 'resource-version', kind: 'string' },
      FIELD_MANAGER_FLAG,
      ...PRINT_FLAGS,
      DRY_RUN_FLAG,
      { name: 'list', kind: 'bool' },
    ],
    async run(inv) {
      // Models label.go / annotate.go Complete, Validate and Run*.
      const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
      const { resources, pairs } = splitResourcesAndPairs(inv.args, kind.noun);
      const changes = kind.parse(pairs);
      if (isLocal(inv)) return runLocally(inv, kind, resources, changes);
      if (boolFlag(inv.flags, 'all') && stringFlag(inv.flags, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time');
      if (boolFlag(inv.flags, 'all') && stringFlag(inv.flags, 'field-selector')) throw new KubectlError('error: cannot set --all and --field-selector at the same time');
      if (resources.length === 0 && noFileArgs(inv)) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
      const list = boolFlag(inv.flags, 'list');
      if (changes.set.size === 0 && changes.remove.length === 0 && !list) throw new KubectlError(`error: at least one ${kind.noun} update is required`);
      const overwrite = boolFlag(inv.flags, 'overwrite');
      const { found, failed, one } = await findObjects(inv, resources);
      // Resource-version locking applies to a single object only.
      const resourceVersion = stringFlag(inv.flags, 'resource-version') ?? '';
      if (resourceVersion && !one) throw new KubectlError('error: --resource-version may only be used with a single resource');
      if (list) return listMetadata(inv, kind, found, changes, overwrite, one) || (failed ? 1 : 0);
      let status = failed ? 1 : 0;
      for (const { resource, object } of found) {
        const current = object.metadata?.[kind.field] ?? {};
        if (kind.path === 'label' && dryRun !== 'client') {
          for (const key of changes.remove) if (current[key] === undefined) inv.out(`label ${JSON.stringify(key)} not found.\n`);
        }
        const refusal = overwrite ? undefined : kind.overwriteError(current, changes.set);
        if (refusal) {
          inv.err(`${refusal}\n`);
          status = 1;
          continue;
        }
        const next: Record<string, string> = { ...current, ...Object.fromEntries(changes.set) };
        for (const key of changes.remove) delete next[key];
        const after: KubeObject = { ...object, metadata: { ...object.metadata, [kind.field]: next } };
        const operation = kind.operation(object, after, overwrite);
        let shown = after;
        if (dryRun !== 'client') {
          const patch: Record<string, string | null> = Object.fromEntries(changes.set);
          for (const key of changes.remove) if (current[key] !== undefined) patch[key] = null;
          const base = requestBase(resource, object.metadata?.namespace);
          // With --resource-version the patch carries it, so the server refuses a changed object.
          const res = await inv.api.request<KubeObject>({
            verb: 'patch',
            ...base,
            name: object.metadata!.name!,
            body: { metadata: { [kind.field]: patch, ...(resourceVersion ? { resourceVersion } : {}) } },
            patchType: 'application/merge-patch+json',
            query: dryRunQuery(dryRun),
          });
          if (!res.ok) {
            inv.err(`${formatStatus(res.body)}\n`);
            status = 1;
            continue;
          }
          // annotate prints what the server returned, label the object it changed locally.
          if (kind.path === 'annotate') shown = res.body;
        }
        printChanged(inv, { resource, obj: shown }, operation, { dryRun });
      }
      return status;
    },
  };
}

/**
 * `--list`: the labels or annotations each object would have after the changes, applied locally
 * only (RunLabel, RunAnnotate). A single named object lists bare `key=value` lines; more get a heading each.
 */
function listMetadata(inv: Invocation, kind: MetadataKind, found: Found[], changes: Changes, overwrite: boolean, one: boolean): number {
  const heading = kind.path === 'label' ? 'labels' : 'annotations';
  for (const { resource, object } of found) {
    const current = object.metadata?.[kind.field] ?? {};
    const refusal = overwrite ? undefined : kind.overwriteError(current, changes.set);
    if (refusal) throw new KubectlError(refusal);
    const next: Record<string, string> = { ...current, ...Object.fromEntries(changes.set) };
    for (const key of changes.remove) delete next[key];
    const indent = one ? '' : ' ';
    if (!one) inv.out(`Listing ${heading} for ${resource.kind}.${resource.group}/${object.metadata?.name ?? ''}:\n`);
    for (const [key, value] of Object.entries(next)) inv.out(`${indent}${key}=${value}\n`);
  }
  return 0;
}

/** With --local: the `-f` objects changed in memory and printed; no server is asked. */
async function runLocally(inv: Invocation, kind: MetadataKind, resources: string[], changes: Changes): Promise<number> {
  if (resources.length > 0) throw new KubectlError(`error: can only use local files by -f ${kind.localFile}.yaml or --filename=${kind.localFile}.json when --local=true is set`);
  if (changes.set.size === 0 && changes.remove.length === 0) throw new KubectlError(`error: at least one ${kind.noun} update is required`);
  const overwrite = boolFlag(inv.flags, 'overwrite');
  for (const local of await localObjects(inv, 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>')) {
    const current = local.obj.metadata?.[kind.field] ?? {};
    const refusal = overwrite ? undefined : kind.overwriteError(current, changes.set);
    if (refusal) throw new KubectlError(refusal);
    const next: Record<string, string> = { ...current, ...Object.fromEntries(changes.set) };
    for (const key of changes.remove) delete next[key];
    // Like unstructured SetLabels with an empty, non-nil map: the field stays, as `{}`.
    const after: KubeObject = { ...local.obj, metadata: { ...local.obj.metadata, [kind.field]: next } };
    printChanged(inv, { ...local, obj: after }, kind.operation(local.obj, after, overwrite));
  }
  return 0;
}

export const labelCommand = metadataCommand(LABEL);
export const annotateCommand = metadataCommand(ANNOTATE);
