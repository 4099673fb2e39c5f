/** `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, `--overwrite` to change. */
import { boolFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { getObject, patchObject } from '../object-client.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { parseResourceArgs } from '../resource-args.ts';

function metadataCommand(path: 'label' | 'annotate', field: 'labels' | 'annotations', verb: string): KubectlCommand {
  return {
    path,
    flags: [{ name: 'overwrite', kind: 'bool' }, { name: 'all', kind: 'bool' }],
    async run(inv) {
      const changes = inv.args.filter((a) => a.includes('=') || a.endsWith('-'));
      const refs = inv.args.filter((a) => !changes.includes(a));
      if (changes.length === 0) throw new KubectlError(`error: at least one ${path === 'label' ? 'label' : 'annotation'} update is required`);
      let status = 0;
      for (const target of parseResourceArgs(refs, inv.mapper)) {
        for (const name of target.names) {
          const got = await getObject(inv.api, target.resource, inv.namespace, name);
          if (!got.ok) {
            inv.err(`${formatStatus(got.body)}\n`);
            status = 1;
            continue;
          }
          const current = got.body.metadata?.[field] ?? {};
          const patch: Record<string, string | null> = {};
          let removedOnly = true;
          for (const change of changes) {
            if (change.endsWith('-') && !change.includes('=')) {
              patch[change.slice(0, -1)] = null;
              continue;
            }
            removedOnly = false;
            const [key, value] = [change.slice(0, change.indexOf('=')), change.slice(change.indexOf('=') + 1)];
            if (current[key] !== undefined && current[key] !== value && !boolFlag(inv.flags, 'overwrite')) {
              throw new KubectlError(`error: '${key}' already has a value (${current[key]}), and --overwrite is false`);
            }
            patch[key] = value;
          }
          const res = await patchObject(inv.api, target.resource, inv.namespace, name, { metadata: { [field]: patch } }, 'application/merge-patch+json');
          if (!res.ok) {
            inv.err(`${formatStatus(res.body)}\n`);
            status = 1;
            continue;
          }
          inv.out(`${kindPrefix(target.resource)}/${name} ${removedOnly && path === 'label' ? 'unlabeled' : verb}\n`);
        }
      }
      return status;
    },
  };
}

export const labelCommand = metadataCommand('label', 'labels', 'labeled');
export const annotateCommand = metadataCommand('annotate', 'annotations', 'annotated');
