/** `kubectl patch (TYPE NAME | -f FILE [--local]) -p PATCH [--type strategic|merge|json]`. */
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import { parse } from 'yaml';
import type { KubeObject, PatchType } from '../../engine/api/client.ts';
import { applyJsonPatch } from '../../lib/json-patch/json-patch.ts';
import { jsonMergePatch } from '../../lib/json-patch/json-merge-patch.ts';
import { patchSchemaFor } from '../../lib/strategic-merge/patch-schema.ts';
import { PatchError, strategicMergePatch } from '../../lib/strategic-merge/strategic-merge-patch.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { stringFlag } from '../flags.ts';
import { yamlToJsonError } from '../manifests.ts';
import { fileArgManifests, KUSTOMIZE_FLAG, namespaceOf, resourceOf } from './manifest-targets.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { isLocal, localObjects, printChanged } from '../local-objects.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase, type ResourceTarget } from '../resource-args.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../dry-run.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';

const TYPES: Record<string, PatchType> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

/** What a --local patch makes of one object; kubectl applies it as the server would. */
function patchLocally(obj: KubeObject, patch: unknown, typeName: string): KubeObject {
  try {
    if (typeName === 'json') {
      const result = applyJsonPatch(obj, patch);
      if (!result.ok) throw new KubectlError(`error: ${result.message}`);
      return result.value as KubeObject;
    }
    if (typeName === 'merge') return jsonMergePatch(obj, patch) as KubeObject;
    return strategicMergePatch(obj, patch, patchSchemaFor(obj.apiVersion ?? '', obj.kind ?? '')) as KubeObject;
  } catch (error) {
    if (error instanceof PatchError) throw new KubectlError(`error: ${error.message}`);
    throw error;
  }
}

async function runLocally(inv: Invocation, patch: unknown, typeName: string): Promise<number> {
  if (inv.args.length > 0) throw new KubectlError('error: cannot specify --local and server resources');
  for (const local of await localObjects(inv, 'error: must specify one or more resources')) {
    printChanged(inv, { ...local, obj: patchLocally(local.obj, patch, typeName) }, 'patched');
  }
  return 0;
}

export const patchCommand: KubectlCommand = {
  path: 'patch',
  flags: [
    FIELD_MANAGER_FLAG,
    { name: 'patch', short: 'p', kind: 'string' },
    { name: 'patch-file', kind: 'string' },
    { name: 'type', kind: 'string' },
    { name: 'subresource', kind: 'string' },
    DRY_RUN_FLAG,
    { name: 'local', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    KUSTOMIZE_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const given = stringFlag(inv.flags, 'patch');
    const patchFile = stringFlag(inv.flags, 'patch-file');
    if (given && patchFile) throw new KubectlError('error: cannot specify --patch and --patch-file together');
    if (!given && !patchFile) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
    const text = patchFile ? readPatchFile(inv, patchFile) : given!;
    const typeName = stringFlag(inv.flags, 'type') ?? 'strategic';
    const patchType = TYPES[typeName];
    if (!patchType) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${typeName}"`);
    // RunPatch words the failure with --patch's text, empty when the patch came from a file.
    const syntax = await yamlToJsonError(text);
    if (syntax) throw new KubectlError(`error: unable to parse ${JSON.stringify(given ?? '')}: ${syntax}`);
    let patch: unknown;
    try {
      patch = parse(text, { logLevel: 'error' });
    } catch {
      throw new KubectlError(`error: unable to parse ${JSON.stringify(given ?? '')}: yaml: did not find expected node content`);
    }
    if (isLocal(inv)) return runLocally(inv, patch, typeName);
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    let status = 0;
    for (const { target, namespace, names } of await patchTargets(inv)) {
      for (const name of names) {
        const base = requestBase(target.resource, namespace);
        const before = await inv.api.request({ verb: 'get', ...base, name });
        const sub = stringFlag(inv.flags, 'subresource');
        if (dryRun === 'client') {
          if (!before.ok) {
            inv.err(`${formatStatus(before.body)}\n`);
            status = 1;
            continue;
          }
          printChanged(inv, { resource: target.resource, obj: patchLocally(before.body, patch, typeName) }, 'patched', { dryRun });
          continue;
        }
        const res = await inv.api.request({
          verb: 'patch',
          ...base,
          name,
          body: patch,
          patchType,
          ...(sub ? { subresource: sub } : {}),
          ...(dryRun === 'server' ? { query: { dryRun: 'All' as const } } : {}),
        });
        if (!res.ok) {
          inv.err(`${formatStatus(res.body)}\n`);
          status = 1;
          continue;
        }
        // A server dry run bumps no resourceVersion, so it is judged by the object it returns.
        const unchanged =
          before.ok &&
          (dryRun === 'server' ? JSON.stringify(before.body) === JSON.stringify(res.body) : before.body.metadata?.resourceVersion === res.body.metadata?.resourceVersion);
        if (stringFlag(inv.flags, 'output')) printChanged(inv, { resource: target.resource, obj: res.body }, 'patched');
        else inv.out(`${kindPrefix(target.resource)}/${name} patched${unchanged ? ' (no change)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
      }
    }
    return status;
  },
};

/** os.ReadFile of --patch-file, failing as RunPatch words it. */
function readPatchFile(inv: Invocation, file: string): string {
  const path = resolvePath(inv.ctx.cwd, file);
  if (!inv.ctx.fs.exists(path)) throw new KubectlError(`error: unable to read patch file: open ${file}: no such file or directory`);
  if (inv.ctx.fs.stat(path).kind === 'directory') throw new KubectlError(`error: unable to read patch file: read ${file}: is a directory`);
  return inv.ctx.fs.readFile(path);
}

/** The builder's objects: each `-f` file's, then the named ones. */
async function patchTargets(inv: Invocation): Promise<{ target: ResourceTarget; namespace: string | undefined; names: string[] }[]> {
  const fromFiles = (await fileArgManifests(inv)).map((m) => {
    const resource = resourceOf(inv, m);
    return { target: { resource, names: [] }, namespace: namespaceOf(inv, m, resource), names: [m.obj.metadata?.name ?? ''] };
  });
  const named = parseResourceArgs(inv.args, inv.mapper).map((target) => ({ target, namespace: inv.namespace as string | undefined, names: target.names }));
  return [...fromFiles, ...named];
}
