/** `kubectl replace [--force] -f`: PUT each object, or delete them all and create them anew. */
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import type { KubeObject } from '../../engine/api/client.ts';
import { boolFlag, intFlag, stringFlag } from '../flags.ts';
import { KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { visitManifests } from '../manifests.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { deletedLine } from './deleted-line.ts';
import { waitUntilGone } from './delete.ts';
import { FILE_FLAGS, manifestOptions, requireFiles, targetOf, writeQuery, type ManifestTarget } from './manifest-targets.ts';
import { VisitErrors } from './visit-errors.ts';

export const replaceCommand: KubectlCommand = {
  path: 'replace',
  flags: [...FILE_FLAGS, FIELD_MANAGER_FLAG, { name: 'force', kind: 'bool' }, { name: 'grace-period', kind: 'int' }],
  async run(inv) {
    // Models pkg/cmd/replace/replace.go Run and forceReplace.
    const errors = new VisitErrors('builder-last');
    const targets: ManifestTarget[] = [];
    let endedFile: string | undefined;
    for (const entry of await visitManifests(inv.ctx, requireFiles(inv), manifestOptions(inv))) {
      await inv.ctx.checkpoint();
      if (entry.file === endedFile) continue;
      const target = 'error' in entry ? entry : await targetOf(inv, entry);
      if ('error' in target) errors.builder(target.error);
      else targets.push(target);
      if ('endsFile' in target) endedFile = entry.file;
    }
    if (boolFlag(inv.flags, 'force')) {
      const deleted = await deleteAll(inv, targets);
      // The files' errors end the command once the readable objects are deleted: none is created.
      if (!errors.isEmpty) {
        inv.err(errors.print());
        return 1;
      }
      if (targets.length === 0) inv.out('No resources found\n');
      for (const { resource, namespace, name } of deleted) await waitUntilGone(inv, resource, namespace, name);
    }
    for (const { m, resource, name, base } of targets) {
      const res = boolFlag(inv.flags, 'force')
        ? await inv.api.request({ verb: 'create', ...base, body: withoutIdentity(m.obj), query: writeQuery(inv) })
        : await inv.api.request({ verb: 'update', ...base, name, body: m.obj, query: writeQuery(inv) });
      // forceReplace passes the create error on as it is, without the file.
      if (!res.ok && boolFlag(inv.flags, 'force')) errors.server(res.body);
      else if (!res.ok) errors.server(res.body, 'replacing', m.file);
      else inv.out(`${kindPrefix(resource)}/${name} replaced\n`);
    }
    if (!errors.isEmpty) {
      inv.err(errors.print());
      return 1;
    }
    if (targets.length === 0) throw new KubectlError('error: no objects passed to replace');
    return 0;
  },
};

/** Deletes every object (one already gone is no error); returns those deleted. */
async function deleteAll(inv: Invocation, targets: ManifestTarget[]): Promise<ManifestTarget[]> {
  const grace = intFlag(inv.flags, 'grace-period');
  const deleted: ManifestTarget[] = [];
  for (const target of targets) {
    const { resource, namespace, name, base } = target;
    const res = await inv.api.request({ verb: 'delete', ...base, name, ...(grace !== undefined ? { query: { gracePeriodSeconds: grace } } : {}) });
    if (!res.ok) continue;
    // replace turns --grace-period=0 into 1, so it never says "force deleted".
    inv.out(deletedLine({ resource, name, namespace }, { gracePeriodSeconds: -1, output: stringFlag(inv.flags, 'output') }));
    deleted.push(target);
  }
  return deleted;
}

function withoutIdentity(obj: KubeObject): KubeObject {
  const body = JSON.parse(JSON.stringify(obj)) as KubeObject;
  if (body.metadata) {
    delete body.metadata.resourceVersion;
    delete body.metadata.uid;
  }
  return body;
}
