/**
 * `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, `--overwrite` to
 * change, on named objects or on every object a selector (or `--all`) lists.
 */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, dryRunQuery, dryRunStrategy } from '../dry-run.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { isLocal, localObjects, printChanged } from '../local-objects.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';
import { getObject, listObjects } from '../object-client.ts';
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

/** The objects the arguments name, printing the server's refusal for each one it cannot find. */
async function findObjects(inv: Invocation, resources: string[]): Promise<{ found: Found[]; failed: boolean }> {
  const selector = stringFlag(inv.flags, 'selector');
  const all = boolFlag(inv.flags, 'all');
  const found: Found[] = [];
  let failed = false;
  for (const target of parseResourceArgs(resources, inv.mapper)) {
    if (target.names.length === 0) {
      if (!selector && !all) throw new KubectlError('error: resource(s) were provided, but no name was specified');
      const res = await listObjects(inv.api, target.resource, inv.namespace, selector);
      if (!res.ok) {
        inv.err(`${formatStatus(res.body)}\n`);
        failed = true;
      } else for (const object of res.body.items) found.push({ resource: target.resource, object });
      continue;
    }
    for (const name of target.names) {
      const res = await getObject(inv.api, target.resource, inv.namespace, name);
      if (!res.ok) {
        inv.err(`${formatStatus(res.body)}\n`);
        failed = true;
      } else found.push({ resource: target.resource, object: res.body });
    }
  }
  return { found, failed };
}

function metadataCommand(kind: MetadataKind): KubectlCommand {
  return {
    path: kind.path,
    flags: [
      { name: 'overwrite', kind: 'bool' },
      { name: 'all', kind: 'bool' },
      { name: 'selector', short: 'l', kind: 'string' },
      { name: 'local', kind: 'bool' },
      { name: 'filename', short: 'f', kind: 'strings' },
      ...PRINT_FLAGS,
      DRY_RUN_FLAG,
      ...(kind.path === 'label' ? [{ name: 'list', kind: 'bool' as const }] : []),
    ],
    async run(inv) {
      // Models label.go / annotate.go Complete, Validate and Run*.
      const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
      const { resources, pairs } = splitResourcesAndPairs(inv.args, kind.noun);
      const changes = kind.parse(pairs);
      if (isLocal(inv)) return runLocally(inv, kind, resources, changes);
      if (boolFlag(inv.flags, 'all') && stringFlag(inv.flags, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time');
      if (resources.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
      const list = boolFlag(inv.flags, 'list');
      if (changes.set.size === 0 && changes.remove.length === 0 && !list) throw new KubectlError(`error: at least one ${kind.noun} update is required`);
      const overwrite = boolFlag(inv.flags, 'overwrite');
      const { found, failed } = await findObjects(inv, resources);
      if (list) return listLabels(inv, resources, found, changes, overwrite) || (failed ? 1 : 0);
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
          const res = await inv.api.request<KubeObject>({
            verb: 'patch',
            ...base,
            name: object.metadata!.name!,
            body: { metadata: { [kind.field]: patch } },
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
 * `label --list`: the labels each object would have after the changes, applied locally only
 * (label.go RunLabel). One named object lists bare `key=value` lines; more get a heading each.
 */
function listLabels(inv: Invocation, resources: string[], found: Found[], changes: Changes, overwrite: boolean): number {
  const single = !stringFlag(inv.flags, 'selector') && !boolFlag(inv.flags, 'all') && parseResourceArgs(resources, inv.mapper).flatMap((t) => t.names).length === 1;
  for (const { resource, object } of found) {
    const current = object.metadata?.labels ?? {};
    const refusal = overwrite ? undefined : LABEL.overwriteError(current, changes.set);
    if (refusal) throw new KubectlError(refusal);
    const next: Record<string, string> = { ...current, ...Object.fromEntries(changes.set) };
    for (const key of changes.remove) delete next[key];
    const indent = single ? '' : ' ';
    if (!single) inv.out(`Listing labels for ${resource.kind}.${resource.group}/${object.metadata?.name ?? ''}:\n`);
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
