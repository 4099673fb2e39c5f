/**
 * `--local`: label, annotate, set image and patch change the objects of `-f` files in memory and
 * print them, without a server. Each command refuses server resources with its own wording.
 */
import type { ApiResource, KubeObject } from '../engine/api/client.ts';
import { KubectlError } from './errors.ts';
import { boolFlag, stringFlag } from './flags.ts';
import type { Invocation } from './kubectl-command.ts';
import { printObjects } from './printers/object-printer.ts';
import { fileArgManifests, mappingError, noFileArgs } from './commands/manifest-targets.ts';
import { allowMissingKeys, checkOutputFormat, printGeneratedObject } from './printers/generated-object-printer.ts';
import { kindPrefix } from './resource-mapper.ts';
import type { DryRunStrategy } from './dry-run.ts';

export interface LocalObject {
  resource: ApiResource;
  obj: KubeObject;
}

export const isLocal = (inv: Invocation) => boolFlag(inv.flags, 'local');

/** The objects of the `-f` files or `-k` directory; `withoutFiles` is the command's error when there are none. */
export async function localObjects(inv: Invocation, withoutFiles: string): Promise<LocalObject[]> {
  checkOutputFormat(stringFlag(inv.flags, 'output'));
  if (noFileArgs(inv)) throw new KubectlError(withoutFiles);
  return (await fileArgManifests(inv)).map((m) => {
    const [group, version] = (m.obj.apiVersion ?? '').includes('/') ? m.obj.apiVersion!.split('/') : ['', m.obj.apiVersion ?? ''];
    const resource = inv.mapper.resources.find((r) => r.kind === m.obj.kind && r.group === group && r.version === version);
    if (!resource) throw new KubectlError(`error: ${mappingError(m)}`);
    return { resource, obj: m.obj };
  });
}

/**
 * Prints a changed object: `-o` as the object was read (label, annotate, patch keep the file's
 * fields, sorted), or as the typed Go object (`typed`: set image decodes it, so empty structs
 * such as `resources: {}` and `status: {}` appear); without `-o`, `kind/name <verb>`, with
 * ` (dry run)` or ` (server dry run)` for a dry run (PrintFlags.Complete).
 */
export function printChanged(inv: Invocation, { resource, obj }: LocalObject, verb: string, options: { typed?: boolean; dryRun?: DryRunStrategy } = {}): void {
  const output = stringFlag(inv.flags, 'output');
  const suffix = options.dryRun === 'client' ? ' (dry run)' : options.dryRun === 'server' ? ' (server dry run)' : '';
  if (!output) inv.out(`${kindPrefix(resource)}/${obj.metadata?.name} ${verb}${suffix}\n`);
  else printObjectAs(inv, resource, obj, output, options.typed ?? false);
}

function printObjectAs(inv: Invocation, resource: ApiResource, obj: KubeObject, output: string, typed: boolean): void {
  const options = { allowMissingKeys: allowMissingKeys(inv.flags), showManagedFields: inv.flags.values.get('show-managed-fields') === true };
  if (typed) inv.out(printGeneratedObject(resource, withGoZeroStructs(obj), output, { ...options, typed }));
  else inv.out(printObjects([{ target: { resource, names: [] }, obj }], output, options));
}

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields a typed decode and encode adds: struct fields without omitempty print as `{}`.
 * Models the workload types of k8s.io/api (PodSpec containers' resources, DeploymentSpec.strategy,
 * StatefulSet/DaemonSet updateStrategy, every kind's status, a Service's status.loadBalancer).
 */
function withGoZeroStructs(obj: KubeObject): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as Json;
  const podSpec = (spec: unknown) => {
    if (!isMap(spec)) return;
    for (const list of ['initContainers', 'containers']) {
      const containers = spec[list];
      if (Array.isArray(containers)) for (const c of containers) if (isMap(c)) c.resources ??= {};
    }
  };
  const spec = copy.spec;
  if (copy.kind === 'Pod') podSpec(spec);
  else if (isMap(spec)) {
    if (copy.kind === 'Deployment') spec.strategy ??= {};
    if (copy.kind === 'StatefulSet' || copy.kind === 'DaemonSet') spec.updateStrategy ??= {};
    const template = copy.kind === 'CronJob' && isMap(spec.jobTemplate) && isMap(spec.jobTemplate.spec) ? spec.jobTemplate.spec.template : spec.template;
    if (isMap(template)) podSpec(template.spec);
    // The workload specs' minReadySeconds is an omitempty int32.
    if (spec.minReadySeconds === 0) delete spec.minReadySeconds;
    // v1.35's ObjectMeta omits a zero creationTimestamp, which the server stores as null in templates.
    for (const meta of [isMap(template) && template.metadata, isMap(spec.jobTemplate) && spec.jobTemplate.metadata])
      if (isMap(meta) && meta.creationTimestamp === null) delete meta.creationTimestamp;
  }
  copy.status ??= {};
  // ServiceStatus.loadBalancer has no omitempty.
  if (copy.kind === 'Service' && isMap(copy.status)) copy.status.loadBalancer ??= {};
  return copy as KubeObject;
}
