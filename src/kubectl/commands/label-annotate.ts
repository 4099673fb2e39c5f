/** `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, `--overwrite` to change. */
import type { KubeObject } from '../../engine/api/client.ts';
import { boolFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { isLocal, localObjects, printChanged } from '../local-objects.ts';
import { getObject, patchObject } from '../object-client.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../dry-run.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';

type Field = 'labels' | 'annotations';

/** The merge patch for `changes` over `current`, or kubectl's error for an overwrite without --overwrite. */
function changePatch(inv: Invocation, changes: string[], current: Record<string, string>): { patch: Record<string, string | null>; removedOnly: boolean } {
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
  return { patch, removedOnly };
}

function applyLocally(obj: KubeObject, field: Field, patch: Record<string, string | null>): KubeObject {
  const values: Record<string, string> = { ...(obj.metadata?.[field] ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete values[key];
    else values[key] = value;
  }
  // Like unstructured SetLabels with an empty, non-nil map: the field stays, as `{}`.
  return { ...obj, metadata: { ...obj.metadata, [field]: values } };
}

function metadataCommand(path: 'label' | 'annotate', field: Field, verb: string, localFile: string): KubectlCommand {
  return {
    path,
    flags: [{ name: 'overwrite', kind: 'bool' }, { name: 'all', kind: 'bool' }, { name: 'local', kind: 'bool' }, { name: 'filename', short: 'f', kind: 'strings' }, ...PRINT_FLAGS, DRY_RUN_FLAG],
    async run(inv) {
      const changes = inv.args.filter((a) => a.includes('=') || a.endsWith('-'));
      const refs = inv.args.filter((a) => !changes.includes(a));
      if (isLocal(inv)) {
        if (refs.length > 0) throw new KubectlError(`error: can only use local files by -f ${localFile}.yaml or --filename=${localFile}.json when --local=true is set`);
        if (changes.length === 0) throw new KubectlError(`error: at least one ${path === 'label' ? 'label' : 'annotation'} update is required`);
        for (const local of localObjects(inv, 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>')) {
          const { patch } = changePatch(inv, changes, local.obj.metadata?.[field] ?? {});
          printChanged(inv, { ...local, obj: applyLocally(local.obj, field, patch) }, verb);
        }
        return 0;
      }
      if (refs.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
      if (changes.length === 0) throw new KubectlError(`error: at least one ${path === 'label' ? 'label' : 'annotation'} update is required`);
      const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
      let status = 0;
      for (const target of parseResourceArgs(refs, inv.mapper)) {
        for (const name of target.names) {
          const got = await getObject(inv.api, target.resource, inv.namespace, name);
          if (!got.ok) {
            inv.err(`${formatStatus(got.body)}\n`);
            status = 1;
            continue;
          }
          const { patch, removedOnly } = changePatch(inv, changes, got.body.metadata?.[field] ?? {});
          const message = removedOnly && path === 'label' ? 'unlabeled' : verb;
          if (dryRun === 'client') {
            printChanged(inv, { resource: target.resource, obj: applyLocally(got.body, field, patch) }, message, { dryRun });
            continue;
          }
          const res = await patchObject(inv.api, target.resource, inv.namespace, name, { metadata: { [field]: patch } }, 'application/merge-patch+json', dryRun === 'server');
          if (!res.ok) {
            inv.err(`${formatStatus(res.body)}\n`);
            status = 1;
            continue;
          }
          printChanged(inv, { resource: target.resource, obj: res.body }, message, { dryRun });
        }
      }
      return status;
    },
  };
}

export const labelCommand = metadataCommand('label', 'labels', 'labeled', 'pod');
export const annotateCommand = metadataCommand('annotate', 'annotations', 'annotated', 'rsrc');
