/** `kubectl set image (TYPE/NAME | -f FILE [--local]) CONTAINER=IMAGE…`: changes the pod template's images. */
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import type { KubeObject } from '../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { isLocal, localObjects, printChanged } from '../local-objects.ts';
import { patchObject } from '../object-client.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import { gatherTargets } from './set/pod-template-targets.ts';
import { notPodTemplate, podSpecOf as podSpecPath } from './set/pod-spec-of.ts';
import { KUSTOMIZE_FLAG, noFileArgs } from './manifest-targets.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../dry-run.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';
import { MISSING_RESOURCES } from '../errors.ts';

interface ContainerLike {
  name: string;
  image?: string;
}

interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
}

const podSpecOf = (obj: KubeObject): PodSpecLike | undefined => podSpecPath(obj) as PodSpecLike | undefined;

/** The new image of each container `assignments` name (`*` for all), and kubectl's error for each name no container has. */
function imageChanges(podSpec: PodSpecLike | undefined, assignments: string[]): { changes: Map<string, string>; missing: string[] } {
  const containers = [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
  const changes = new Map<string, string>();
  const missing: string[] = [];
  for (const assignment of assignments) {
    const [container, image] = [assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1)];
    const matched = container === '*' ? containers : containers.filter((c) => c.name === container);
    if (matched.length === 0) missing.push(`error: unable to find container named "${container}"`);
    for (const c of matched) changes.set(c.name, image);
  }
  return { changes, missing };
}

function changedContainers(list: ContainerLike[] | undefined, changes: Map<string, string>): ContainerLike[] {
  return (list ?? []).filter((c) => changes.has(c.name) && c.image !== changes.get(c.name)).map((c) => ({ name: c.name, image: changes.get(c.name)! }));
}

/** With --local: the `-f` objects changed in memory; one whose images already match prints nothing. */
async function runLocally(inv: Invocation, refs: string[], assignments: string[]): Promise<number> {
  if (refs.length > 0)
    throw new KubectlError(
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'",
    );
  for (const local of await localObjects(
    inv,
    "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'",
  )) {
    const obj = JSON.parse(JSON.stringify(local.obj)) as KubeObject;
    const podSpec = podSpecOf(obj);
    const { changes, missing } = imageChanges(podSpec, assignments);
    if (missing.length) throw new KubectlError(missing[0]!);
    if (changedContainers(podSpec?.containers, changes).length + changedContainers(podSpec?.initContainers, changes).length === 0) continue;
    for (const c of [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])]) if (changes.has(c.name)) c.image = changes.get(c.name)!;
    printChanged(inv, { ...local, obj }, 'image updated', { typed: true });
  }
  return 0;
}

export const setImageCommand: KubectlCommand = {
  path: 'set image',
  flags: [
    FIELD_MANAGER_FLAG,
    { name: 'all', kind: 'bool' },
    { name: 'record', kind: 'bool' },
    DRY_RUN_FLAG,
    { name: 'local', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    KUSTOMIZE_FLAG,
    { name: 'selector', short: 'l', kind: 'string' },
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const assignments = inv.args.filter((a) => a.includes('='));
    const refs = inv.args.filter((a) => !a.includes('='));
    // getResourcesAndImages: every resource comes before the first CONTAINER=IMAGE.
    const firstAssignment = inv.args.findIndex((a) => a.includes('='));
    const late = firstAssignment < 0 ? undefined : inv.args.slice(firstAssignment).find((a) => !a.includes('='));
    if (late !== undefined) throw new KubectlError(`error: all resources must be specified before image changes: ${late}`);
    if (isLocal(inv)) return runLocally(inv, refs, assignments);
    // Models pkg/cmd/set/set_image.go: the builder refuses a missing resource, then Validate.
    if (refs.length === 0 && noFileArgs(inv)) {
      if (stringFlag(inv.flags, 'selector')) throw new KubectlError('error: at least one resource must be specified to use a selector');
      throw new KubectlError(MISSING_RESOURCES);
    }
    if (boolFlag(inv.flags, 'all') && stringFlag(inv.flags, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time');
    if (assignments.length === 0) throw new KubectlError('error: at least one image update is required');
    if (assignments.length > 1 && assignments.some((a) => a.startsWith('*='))) {
      throw new KubectlError('error: all containers are already specified by *, but saw more than one container_name=container_image pairs');
    }
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    // builder.Do().Infos(): one object the server refuses and nothing is changed.
    const targets = await gatherTargets(inv, refs, MISSING_RESOURCES);
    if (targets.errors.length) return printAggregate(inv, targets.errors);
    const errors: string[] = [];
    for (const { resource, obj: found } of targets.objects) {
      const name = found.metadata?.name ?? '';
      const podSpec = podSpecOf(found);
      // UpdatePodSpecForObject refuses a kind without a pod template, naming info.ObjectName and the Go type.
      if (!podSpec) {
        errors.push(notPodTemplate(resource.name, found));
        continue;
      }
      const { changes, missing } = imageChanges(podSpec, assignments);
      errors.push(...missing);
      const main = changedContainers(podSpec?.containers, changes);
      const init = changedContainers(podSpec?.initContainers, changes);
      if (main.length === 0 && init.length === 0) continue;
      if (dryRun === 'client') {
        const obj = JSON.parse(JSON.stringify(found)) as KubeObject;
        for (const c of [...(podSpecOf(obj)?.initContainers ?? []), ...(podSpecOf(obj)?.containers ?? [])]) if (changes.has(c.name)) c.image = changes.get(c.name)!;
        printChanged(inv, { resource, obj }, 'image updated', { typed: true, dryRun });
        continue;
      }
      const specPatch = { ...(main.length ? { containers: main } : {}), ...(init.length ? { initContainers: init } : {}) };
      // The pod spec's place in this kind (a CronJob's is under jobTemplate), holding only the changes.
      const patch: KubeObject = { kind: resource.kind };
      Object.assign(podSpecOf(patch)!, specPatch);
      delete patch.kind;
      const patched = await patchObject(inv.api, resource, found.metadata?.namespace ?? inv.namespace, name, patch, 'application/strategic-merge-patch+json', dryRun === 'server');
      if (!patched.ok) {
        errors.push(`failed to patch image update to pod template: ${formatStatus(patched.body)}`);
        continue;
      }
      printChanged(inv, { resource, obj: patched.body }, 'image updated', { typed: true, dryRun });
    }
    return printAggregate(inv, errors);
  },
};

/** cmdutil.CheckErr of an aggregate: one error alone gets its `error: ` prefix, several print as worded. */
function printAggregate(inv: Invocation, errors: string[]): number {
  for (const error of errors) inv.err(`${error.startsWith('error: ') || error.startsWith('Error from server') || errors.length > 1 ? error : `error: ${error}`}\n`);
  return errors.length ? 1 : 0;
}
