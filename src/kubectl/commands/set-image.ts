/** `kubectl set image (TYPE/NAME | -f FILE [--local]) CONTAINER=IMAGE…`: changes the pod template's images. */
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import type { KubeObject } from '../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { isLocal, localObjects, printChanged } from '../local-objects.ts';
import { getObject, patchObject } from '../object-client.ts';
import { parseResourceArgs } from '../resource-args.ts';
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

function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const o = obj as { kind?: string; spec?: PodSpecLike & { template?: { spec?: PodSpecLike } } };
  return o.kind === 'Pod' ? o.spec : o.spec?.template?.spec;
}

/** The new image of each container `assignments` name (`*` for all), or kubectl's error. */
function imageChanges(podSpec: PodSpecLike | undefined, assignments: string[]): Map<string, string> {
  const containers = [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
  const changes = new Map<string, string>();
  for (const assignment of assignments) {
    const [container, image] = [assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1)];
    const matched = container === '*' ? containers : containers.filter((c) => c.name === container);
    if (matched.length === 0) throw new KubectlError(`error: unable to find container named "${container}"`);
    for (const c of matched) changes.set(c.name, image);
  }
  return changes;
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
    const changes = imageChanges(podSpec, assignments);
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
    if (refs.length === 0) throw new KubectlError(MISSING_RESOURCES);
    if (assignments.length === 0) throw new KubectlError('error: at least one image update is required');
    if (assignments.length > 1 && assignments.some((a) => a.startsWith('*='))) {
      throw new KubectlError('error: all containers are already specified by *, but saw more than one container_name=container_image pairs');
    }
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    let status = 0;
    for (const target of parseResourceArgs(refs, inv.mapper)) {
      for (const name of target.names) {
        const res = await getObject(inv.api, target.resource, inv.namespace, name);
        if (!res.ok) {
          inv.err(`${formatStatus(res.body)}\n`);
          status = 1;
          continue;
        }
        const podSpec = podSpecOf(res.body);
        const changes = imageChanges(podSpec, assignments);
        const main = changedContainers(podSpec?.containers, changes);
        const init = changedContainers(podSpec?.initContainers, changes);
        if (main.length === 0 && init.length === 0) continue;
        if (dryRun === 'client') {
          const obj = JSON.parse(JSON.stringify(res.body)) as KubeObject;
          for (const c of [...(podSpecOf(obj)?.initContainers ?? []), ...(podSpecOf(obj)?.containers ?? [])]) if (changes.has(c.name)) c.image = changes.get(c.name)!;
          printChanged(inv, { resource: target.resource, obj }, 'image updated', { typed: true, dryRun });
          continue;
        }
        const specPatch = { ...(main.length ? { containers: main } : {}), ...(init.length ? { initContainers: init } : {}) };
        const patch = target.resource.kind === 'Pod' ? { spec: specPatch } : { spec: { template: { spec: specPatch } } };
        const patched = await patchObject(inv.api, target.resource, inv.namespace, name, patch, 'application/strategic-merge-patch+json', dryRun === 'server');
        if (!patched.ok) {
          inv.err(`${formatStatus(patched.body)}\n`);
          status = 1;
          continue;
        }
        printChanged(inv, { resource: target.resource, obj: patched.body }, 'image updated', { typed: true, dryRun });
      }
    }
    return status;
  },
};
