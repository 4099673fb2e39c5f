/** `kubectl set image TYPE/NAME CONTAINER=IMAGE…`: patches the pod template's images. */
import { formatStatus, KubectlError, MISSING_RESOURCES } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { getObject, patchObject } from '../object-client.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { parseResourceArgs } from '../resource-args.ts';

interface PodSpecLike {
  containers?: { name: string; image?: string }[];
  initContainers?: { name: string; image?: string }[];
}

export const setImageCommand: KubectlCommand = {
  path: 'set image',
  flags: [{ name: 'all', kind: 'bool' }, { name: 'record', kind: 'bool' }, { name: 'dry-run', kind: 'string' }],
  async run(inv) {
    const assignments = inv.args.filter((a) => a.includes('='));
    const refs = inv.args.filter((a) => !a.includes('='));
    // Models pkg/cmd/set/set_image.go: the builder refuses a missing resource, then Validate.
    if (refs.length === 0) throw new KubectlError(MISSING_RESOURCES);
    if (assignments.length === 0) throw new KubectlError('error: at least one image update is required');
    if (assignments.length > 1 && assignments.some((a) => a.startsWith('*='))) {
      throw new KubectlError('error: all containers are already specified by *, but saw more than one container_name=container_image pairs');
    }
    let status = 0;
    for (const target of parseResourceArgs(refs, inv.mapper)) {
      for (const name of target.names) {
        const res = await getObject(inv.api, target.resource, inv.namespace, name);
        if (!res.ok) {
          inv.err(`${formatStatus(res.body)}\n`);
          status = 1;
          continue;
        }
        const obj = res.body as { spec?: { template?: { spec?: PodSpecLike } } & PodSpecLike };
        const podSpec: PodSpecLike | undefined = target.resource.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
        const containers = [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
        const changes = new Map<string, string>();
        for (const assignment of assignments) {
          const [container, image] = [assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1)];
          const matched = container === '*' ? containers : containers.filter((c) => c.name === container);
          if (matched.length === 0) throw new KubectlError(`error: unable to find container named "${container}"`);
          for (const c of matched) changes.set(c.name, image);
        }
        const patchContainers = (list: { name: string; image?: string }[] | undefined) =>
          (list ?? []).filter((c) => changes.has(c.name) && c.image !== changes.get(c.name)).map((c) => ({ name: c.name, image: changes.get(c.name) }));
        const main = patchContainers(podSpec?.containers);
        const init = patchContainers(podSpec?.initContainers);
        if (main.length === 0 && init.length === 0) continue;
        const specPatch = { ...(main.length ? { containers: main } : {}), ...(init.length ? { initContainers: init } : {}) };
        const patch = target.resource.kind === 'Pod' ? { spec: specPatch } : { spec: { template: { spec: specPatch } } };
        const patched = await patchObject(inv.api, target.resource, inv.namespace, name, patch, 'application/strategic-merge-patch+json');
        if (!patched.ok) {
          inv.err(`${formatStatus(patched.body)}\n`);
          status = 1;
          continue;
        }
        inv.out(`${kindPrefix(target.resource)}/${name} image updated\n`);
      }
    }
    return status;
  },
};
