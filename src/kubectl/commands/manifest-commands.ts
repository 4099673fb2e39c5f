/** `delete (-f | TYPE NAME… | -l)`. */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { boolFlag, intFlag, stringFlag, stringsFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { readManifests } from '../manifests.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';
import { deletedLine } from './deleted-line.ts';
import { DRY_RUN_FLAG, dryRunQuery, dryRunStrategy } from '../dry-run.ts';
import { kustomizeDir, namespaceOf, resourceOf } from './manifest-targets.ts';

/** kubectl delete waits (by default) until the object is really gone. */
export async function waitUntilGone(inv: Invocation, resource: ApiResource, namespace: string | undefined, name: string): Promise<void> {
  for (let i = 0; i < 3600; i++) {
    const res = await inv.api.request({ verb: 'get', ...requestBase(resource, namespace), name });
    if (!res.ok) return;
    await inv.ctx.time.sleep(1000);
    // Ctrl-C ends kubectl while it waits; the deletion itself goes on.
    if (inv.ctx.interrupt.interrupted) throw Object.assign(new Error('interrupted'), { name: 'InterruptedError' });
  }
}

export const deleteCommand: KubectlCommand = {
  path: 'delete',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'now', kind: 'bool' },
    { name: 'wait', kind: 'string' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'cascade', kind: 'string' },
    DRY_RUN_FLAG,
  ],
  async run(inv) {
    // Models pkg/cmd/delete/delete.go Complete and Validate.
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    const force = boolFlag(inv.flags, 'force');
    let grace = intFlag(inv.flags, 'grace-period') ?? -1;
    if (boolFlag(inv.flags, 'now')) {
      if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
      grace = 1;
    }
    // --grace-period=0 without --force means 1, so nothing is killed before its containers stop.
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    if (force && grace > 0) throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together');
    if (force && grace === 0)
      inv.err(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    const wait = stringFlag(inv.flags, 'wait') !== 'false';
    const cascade = stringFlag(inv.flags, 'cascade');
    const query = {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      ...(cascade === 'orphan' ? { propagationPolicy: 'Orphan' as const } : cascade === 'foreground' ? { propagationPolicy: 'Foreground' as const } : {}),
    };
    const items: { resource: ApiResource; namespace: string | undefined; name: string; file?: string }[] = [];
    const kustomize = kustomizeDir(inv);
    const files = stringsFlag(inv.flags, 'filename');
    if (files.length || kustomize !== undefined) {
      for (const m of await readManifests(inv.ctx, files, kustomize)) {
        const resource = resourceOf(inv, m);
        items.push({ resource, namespace: namespaceOf(inv, m, resource), name: m.obj.metadata?.name ?? '', file: m.file });
      }
    } else {
      const targets = parseResourceArgs(inv.args, inv.mapper);
      if (targets.length === 0) {
        throw new KubectlError(
          `error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
        );
      }
      const selector = stringFlag(inv.flags, 'selector');
      for (const target of targets) {
        if (target.names.length) {
          for (const name of target.names) items.push({ resource: target.resource, namespace: target.resource.namespaced ? inv.namespace : undefined, name });
        } else if (selector || boolFlag(inv.flags, 'all')) {
          const res = await inv.api.request<{ items: KubeObject[] }>({
            verb: 'list',
            ...requestBase(target.resource, inv.namespace),
            ...(selector ? { query: { labelSelector: selector } } : {}),
          });
          for (const obj of res.ok ? res.body.items : []) items.push({ resource: target.resource, namespace: obj.metadata?.namespace, name: obj.metadata!.name! });
        } else {
          throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
        }
      }
    }
    let status = 0;
    const deleted: typeof items = [];
    for (const item of items) {
      await inv.ctx.checkpoint();
      if (dryRun === 'client') {
        inv.out(deletedLine(item, { gracePeriodSeconds: grace, dryRun, output: stringFlag(inv.flags, 'output') }));
        continue;
      }
      const res = await inv.api.request({ verb: 'delete', ...requestBase(item.resource, item.namespace), name: item.name, query: { ...query, ...dryRunQuery(dryRun) } });
      if (!res.ok) {
        if (res.body.reason === 'NotFound' && boolFlag(inv.flags, 'ignore-not-found')) continue;
        inv.err(`${formatStatus(res.body, item.file ? { verb: 'deleting', file: item.file } : undefined)}\n`);
        status = 1;
        continue;
      }
      inv.out(deletedLine(item, { gracePeriodSeconds: grace, dryRun, output: stringFlag(inv.flags, 'output') }));
      deleted.push(item);
    }
    // DeleteResult counts what it found, not what it deleted, and says so on stdout.
    if (items.length === 0) inv.out('No resources found\n');
    if (wait && dryRun === 'none') for (const item of deleted) await waitUntilGone(inv, item.resource, item.namespace, item.name);
    return status;
  },
};
