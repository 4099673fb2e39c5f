/**
 * `kubectl delete (-f FILE | TYPE [NAME…] | TYPE -l SEL | TYPE --all) [-A] [-i]`. Models
 * pkg/cmd/delete/delete.go: Complete (grace period, dry run, the objects), Validate (output mode,
 * selector conflicts, force), the confirmation of `--interactive`, and the wait until every
 * deleted object is gone, bounded by `--timeout`.
 */
import { RAW_FLAG, rawUri, sendRaw, validateRawFiles, validateRawOutput } from '../raw-request.ts';
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { boolFlag, intFlag, stringFlag, stringsFlag } from '../flags.ts';
import { CASCADE_FLAG, cascadeStrategy } from '../cascade-flag.ts';
import { checkDurationFlag } from '../duration-flag.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { visitManifests } from '../manifests.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';
import { deletedLine } from './deleted-line.ts';
import { DRY_RUN_FLAG, dryRunQuery, dryRunStrategy } from '../dry-run.ts';
import { kustomizeDir, lookupResource, metaString, namespaceOf } from './manifest-targets.ts';
import { VisitErrors } from './visit-errors.ts';

/** A wait with no timeout is a week long, as delete.go makes it. */
const WEEK_MS = 168 * 3600 * 1000;

/**
 * kubectl delete waits (by default) until the object is really gone. Resolves false when
 * `deadlineMs` (virtual time) passes first.
 */
export async function waitUntilGone(inv: Invocation, resource: ApiResource, namespace: string | undefined, name: string, deadlineMs = Infinity): Promise<boolean> {
  for (;;) {
    const res = await inv.api.request({ verb: 'get', ...requestBase(resource, namespace), name });
    if (!res.ok) return true;
    const left = deadlineMs - inv.ctx.time.now();
    if (left <= 0) return false;
    await inv.ctx.time.sleep(Math.min(1000, left));
    // Ctrl-C ends kubectl while it waits; the deletion itself goes on.
    if (inv.ctx.interrupt.interrupted) throw Object.assign(new Error('interrupted'), { name: 'InterruptedError' });
  }
}

interface DeleteItem {
  resource: ApiResource;
  namespace: string | undefined;
  name: string;
  file?: string;
}

const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export const deleteCommand: KubectlCommand = {
  path: 'delete',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'field-selector', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'now', kind: 'bool' },
    { name: 'timeout', kind: 'string' },
    { name: 'wait', kind: 'string' },
    { name: 'ignore-not-found', kind: 'bool' },
    CASCADE_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'interactive', short: 'i', kind: 'bool' },
    RAW_FLAG,
    DRY_RUN_FLAG,
  ],
  async run(inv) {
    const propagationPolicy = cascadeStrategy(inv);
    const timeoutMs = checkDurationFlag(inv, 'timeout', 'delete');
    const selector = stringFlag(inv.flags, 'selector');
    const fieldSelector = stringFlag(inv.flags, 'field-selector');
    const all = boolFlag(inv.flags, 'all');
    // --all, -l and --field-selector ignore NotFound unless told otherwise.
    const ignoreNotFound = inv.flags.values.has('ignore-not-found') ? boolFlag(inv.flags, 'ignore-not-found') : all || !!selector || !!fieldSelector;
    const force = boolFlag(inv.flags, 'force');
    let grace = intFlag(inv.flags, 'grace-period') ?? -1;
    if (boolFlag(inv.flags, 'now')) {
      if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
      grace = 1;
    }
    // --grace-period=0 without --force means 1, so nothing is killed before its containers stop.
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    const raw = rawUri(inv);
    if (raw !== undefined) return deleteRaw(inv, raw, { all, selector, fieldSelector, force, grace });
    const { items, errors } = await deleteItems(inv, { selector, fieldSelector, all });

    const output = stringFlag(inv.flags, 'output') ?? '';
    if (output !== '' && output !== 'name') throw new KubectlError(`error: unexpected -o output mode: ${output}. We only support '-o name'`);
    if (force && grace === 0)
      inv.err(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    if (force && grace > 0) throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together');

    if (boolFlag(inv.flags, 'interactive')) {
      // The preview names what the builder found without fetching it (RequireObject(false)).
      const previewed = items;
      if (previewed.length === 0) {
        inv.out('No resources found\n');
        return 0;
      }
      if (!(await confirmed(inv, previewed))) {
        inv.out('deletion is cancelled\n');
        return 0;
      }
    }

    const query = { ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), propagationPolicy };
    // Only a namespace given with -n makes deleting a cluster-scoped object worth a warning.
    let warnClusterScope = inv.flags.values.has('namespace') && !boolFlag(inv.flags, 'all-namespaces');
    let found = 0;
    const deleted: DeleteItem[] = [];
    for (const item of items) {
      await inv.ctx.checkpoint();
      if (warnClusterScope && !item.resource.namespaced) {
        inv.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
        warnClusterScope = false;
      }
      found++;
      if (dryRun === 'client') {
        inv.out(deletedLine(item, { gracePeriodSeconds: grace, dryRun, output }));
        continue;
      }
      // client-go's request builder refuses an empty name before anything is sent.
      if (item.name === '') {
        errors.plain(`error when deleting ${JSON.stringify(item.file ?? '')}: resource name may not be empty`);
        continue;
      }
      const res = await inv.api.request({ verb: 'delete', ...requestBase(item.resource, item.namespace), name: item.name, query: { ...query, ...dryRunQuery(dryRun) } });
      if (!res.ok) {
        // Ignored, but still counted as found: the visitor counted it before deleting.
        if (res.body.reason === 'NotFound' && ignoreNotFound) continue;
        errors.server(res.body, 'deleting', item.file);
        continue;
      }
      inv.out(deletedLine(item, { gracePeriodSeconds: grace, dryRun, output }));
      deleted.push(item);
    }
    // The visit's errors end DeleteResult: nothing is waited for.
    if (!errors.isEmpty) {
      inv.err(errors.print());
      return 1;
    }
    // DeleteResult counts what it found, not what it deleted, and says so on stdout.
    if (found === 0) {
      inv.out('No resources found\n');
      return 0;
    }
    if (stringFlag(inv.flags, 'wait') === 'false' || dryRun !== 'none') return 0;
    const deadline = inv.ctx.time.now() + (timeoutMs === 0 ? WEEK_MS : timeoutMs);
    for (const item of deleted) {
      if (!(await waitUntilGone(inv, item.resource, item.namespace, item.name, deadline))) {
        inv.err(`error: timed out waiting for the condition on ${item.resource.name}/${item.name}\n`);
        return 1;
      }
    }
    return 0;
  },
};

/**
 * The objects the builder visits, in order, and the errors of those it could not read or map.
 * delete's builder has no schema: the files are not validated, and a bad document or List item
 * is one error among the others (delete.go Complete; VisitErrors).
 */
async function deleteItems(
  inv: Invocation,
  filters: { selector: string | undefined; fieldSelector: string | undefined; all: boolean },
): Promise<{ items: DeleteItem[]; errors: VisitErrors }> {
  const items: DeleteItem[] = [];
  const errors = new VisitErrors('builder-last');
  const kustomize = kustomizeDir(inv);
  const files = stringsFlag(inv.flags, 'filename');
  if (files.length || kustomize !== undefined) {
    for (const entry of await visitManifests(inv.ctx, files, { validation: 'Ignore', kustomize, recursive: boolFlag(inv.flags, 'recursive') })) {
      if ('error' in entry) {
        errors.builder(entry.error, entry.list);
        continue;
      }
      const resource = lookupResource(inv, entry);
      if ('error' in resource) {
        errors.builder(resource.error, resource.list);
        continue;
      }
      items.push({ resource, namespace: namespaceOf(inv, entry, resource), name: metaString(entry.obj.metadata?.name), file: entry.file });
    }
    return { items, errors };
  }
  const targets = parseResourceArgs(inv.args, inv.mapper);
  // The builder's own wording, trailing space included.
  if (filters.all && (filters.selector || filters.fieldSelector)) throw new KubectlError("error: setting 'all' parameter but found a non empty selector. ");
  if (targets.length === 0) throw new KubectlError(NO_RESOURCES);
  const allNamespaces = boolFlag(inv.flags, 'all-namespaces');
  const listing = !!filters.selector || !!filters.fieldSelector || filters.all;
  for (const target of targets) {
    if (target.names.length) {
      if (allNamespaces) throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces');
      for (const name of target.names) items.push({ resource: target.resource, namespace: target.resource.namespaced ? inv.namespace : undefined, name });
    } else if (listing) {
      const query = {
        ...(filters.selector ? { labelSelector: filters.selector } : {}),
        ...(filters.fieldSelector ? { fieldSelector: filters.fieldSelector } : {}),
      };
      const res = await inv.api.request<{ items: KubeObject[] }>({ verb: 'list', ...requestBase(target.resource, allNamespaces ? undefined : inv.namespace), query });
      if (!res.ok) throw new KubectlError(formatStatus(res.body));
      for (const obj of res.body.items) items.push({ resource: target.resource, namespace: obj.metadata?.namespace, name: obj.metadata!.name! });
    } else {
      throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
    }
  }
  return { items, errors };
}

/** delete.go's confirmation: the objects as kind/name, then one word read with Fscanln; only `y` goes on. */
async function confirmed(inv: Invocation, items: DeleteItem[]): Promise<boolean> {
  inv.out(`You are about to delete the following ${items.length} resource(s):\n`);
  for (const item of items) inv.out(`${kindPrefix(item.resource)}/${item.name}\n`);
  const prompt = 'Do you want to continue? (y/N): ';
  let answer: string | null;
  if (inv.ctx.stdinIsTerminal && inv.ctx.terminal.readLine) {
    answer = await inv.ctx.terminal.readLine(prompt, inv.ctx.interrupt);
  } else {
    inv.out(prompt);
    const newline = inv.ctx.stdin.indexOf('\n');
    answer = newline < 0 ? null : inv.ctx.stdin.slice(0, newline);
  }
  if (answer === null) return false;
  const words = answer.trim().split(/\s+/);
  return words.length === 1 && words[0]!.toLowerCase() === 'y';
}

/** `delete --raw`: Complete stops before the builder; Validate's checks, then RawDelete with the one file as body. */
async function deleteRaw(
  inv: Invocation,
  raw: string,
  o: { all: boolean; selector?: string | undefined; fieldSelector?: string | undefined; force: boolean; grace: number },
): Promise<number> {
  const output = stringFlag(inv.flags, 'output') ?? '';
  if (output !== '' && output !== 'name') throw new KubectlError(`error: unexpected -o output mode: ${output}. We only support '-o name'`);
  if (o.all && o.selector) throw new KubectlError('error: cannot set --all and --selector at the same time');
  if (o.all && o.fieldSelector) throw new KubectlError('error: cannot set --all and --field-selector at the same time');
  if (o.force && o.grace === 0)
    inv.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  else if (o.force && o.grace > 0) throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together');
  if (boolFlag(inv.flags, 'interactive')) throw new KubectlError('error: --interactive can not be used with --raw');
  validateRawFiles(inv, { fileRequired: false });
  validateRawOutput(inv, raw);
  return sendRaw(inv, 'DELETE', raw, stringsFlag(inv.flags, 'filename')[0]);
}
