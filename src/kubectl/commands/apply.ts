/** `kubectl apply -f`: client-side apply by three-way merge, or a server-side apply request. */
import type { KubeObject } from '../../engine/api/client.ts';
import { runNested, type NestedStep } from '../../lib/deep-json/nested-run.ts';
import { createThreeWayMergePatch } from '../../lib/strategic-merge/three-way-merge-patch.ts';
import { PatchError } from '../../lib/strategic-merge/strategic-merge-patch.ts';
import { patchSchemaFor, supportsStrategicMerge } from '../../lib/strategic-merge/patch-schema.ts';
import { structOfKind } from '../../lib/strategic-merge/struct-fields.ts';
import { labelMatcher } from '../../lib/label-selector/label-selector.ts';
import { CASCADE_FLAG, cascadeStrategy } from '../cascade-flag.ts';
import { checkDurationFlag } from '../duration-flag.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import { KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { visitManifests } from '../manifests.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { deleteAndCreate, isForceable, type ForceOptions } from './apply-force.ts';
import { planPrune, prune, PRUNE_FLAGS, visitForPrune } from './apply-prune.ts';
import { migrateClientSideApply } from './apply-ssa-migration.ts';
import { createObject } from './create-from-file.ts';
import { LAST_APPLIED, withLastApplied } from './last-applied.ts';
import { patchCreationError } from './patch-creation-error.ts';
import { dryRunSuffix, FILE_FLAGS, outputOf, manifestOptions, requireFiles, targetOf, writeQuery, type ManifestTarget } from './manifest-targets.ts';
import { VisitErrors } from './visit-errors.ts';
import { AppliedObjectsPrinter } from './applied-objects-printer.ts';

export const applyCommand: KubectlCommand = {
  path: 'apply',
  flags: [
    ...FILE_FLAGS,
    { name: 'force', kind: 'bool' },
    { name: 'server-side', kind: 'bool' },
    { name: 'field-manager', kind: 'string' },
    { name: 'force-conflicts', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    // The delete flags of --force's re-creation, and the patch options of apply.go's Patcher.
    CASCADE_FLAG,
    { name: 'grace-period', kind: 'int' },
    { name: 'timeout', kind: 'string' },
    { name: 'wait', kind: 'bool' },
    { name: 'overwrite', kind: 'bool' },
    { name: 'openapi-patch', kind: 'bool' },
    ...PRUNE_FLAGS,
    { name: 'subresource', kind: 'string' },
  ],
  async run(inv) {
    const timeoutMs = checkDurationFlag(inv, 'timeout', 'apply');
    const propagationPolicy = cascadeStrategy(inv);
    validateApplyFlags(inv);
    const prunePlan = planPrune(inv, propagationPolicy);
    const force = boolFlag(inv.flags, 'force') ? { propagationPolicy, timeoutMs } : undefined;
    const selector = stringFlag(inv.flags, 'selector');
    const matcher = selector === undefined ? undefined : labelMatcher(selector);
    if (matcher && !matcher.ok) throw new KubectlError(`error: the provided selector "${selector}" is not valid: ${matcher.message}`);
    // Models pkg/cmd/apply/apply.go Run: every object is read before the first is applied.
    const errors = new VisitErrors('builder-first');
    const printer = new AppliedObjectsPrinter(inv);
    const targets: ManifestTarget[] = [];
    let endedFile: string | undefined;
    for (const entry of await visitManifests(inv.ctx, requireFiles(inv), manifestOptions(inv))) {
      await inv.ctx.checkpoint();
      if (entry.file === endedFile) continue;
      // The builder filters the files' objects by -l before anything is asked of the server.
      if (matcher?.ok && !('error' in entry) && !matcher.matches(entry.obj.metadata?.labels as Record<string, string> | undefined)) continue;
      const target = 'error' in entry ? entry : await targetOf(inv, entry);
      if ('error' in target) errors.builder(target.error, target.list);
      else targets.push(target);
      if ('endsFile' in target) endedFile = entry.file;
    }
    if (targets.length === 0 && errors.isEmpty) throw new KubectlError('error: no objects passed to apply');
    for (const target of targets) {
      // A List of thousands of objects keeps the terminal answering (Ctrl-C) while it is applied.
      await inv.ctx.checkpoint();
      const generateName = target.m.obj.metadata?.generateName;
      let applied: KubeObject | undefined;
      if (target.name === '' && typeof generateName === 'string' && generateName !== '') errors.plain(`from ${generateName}: cannot use generate name with apply`);
      else if (boolFlag(inv.flags, 'server-side')) applied = await applyServerSide(inv, target, errors, printer);
      else applied = await applyClientSide(inv, target, errors, printer, force);
      if (prunePlan) visitForPrune(prunePlan, target.namespace, applied);
    }
    if (!errors.isEmpty) {
      inv.err(errors.print());
      return 1;
    }
    // apply.go's PostProcessorFn: printing and pruning follow only a run without errors.
    printer.flush();
    if (prunePlan) await prune(inv, prunePlan);
    return 0;
  },
};

/** client-go's request builder refuses an empty name before anything is sent (request.go Name). */
const EMPTY_NAME = 'resource name may not be empty';

/** Models apply.go applyOneObject, the client-side branch. */
async function applyClientSide(
  inv: Invocation,
  target: ManifestTarget,
  errors: VisitErrors,
  printer: AppliedObjectsPrinter,
  force: ForceOptions | undefined,
): Promise<KubeObject | undefined> {
  const { m, resource, namespace, name, base } = target;
  const modified = withLastApplied(m.obj, namespace);
  if (name === '') return void errors.plain(`error when retrieving current configuration of:\n${infoText(resource, name, namespace)}\nfrom server for: "${m.file}": ${EMPTY_NAME}`);
  const current = await inv.api.request({ verb: 'get', ...base, name });
  if (!current.ok) {
    if (current.body.reason !== 'NotFound') return void errors.server(current.body, 'applying patch', m.file);
    // kubectl v1.35 prints the object it would create without its maps' null fields (`data: {z: null}`
    // prints `data: {}`); the last-applied annotation keeps them, and so do lists.
    if (stringFlag(inv.flags, 'dry-run') === 'client') return void printer.print(resource, withoutNullFields(modified), 'created');
    return createObject(inv, resource, namespace, modified, m.file, errors, (created) => printer.print(resource, created, 'created'));
  }
  // A client dry run computes no patch: the live object is reported as configured whatever the manifest holds.
  const live = current.body;
  if (stringFlag(inv.flags, 'dry-run') === 'client') {
    printer.print(resource, live, 'configured');
    return live;
  }
  const lastText = live.metadata?.annotations?.[LAST_APPLIED];
  if (!lastText) {
    inv.err(
      `Warning: resource ${resource.name}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const original = lastText ? (JSON.parse(lastText) as unknown) : {};
  const strategic = supportsStrategicMerge(live.apiVersion ?? '', live.kind ?? '');
  let patch;
  try {
    patch = createThreeWayMergePatch(original, modified, live, patchSchemaFor(live.apiVersion ?? '', live.kind ?? ''), structOfKind(live.apiVersion ?? '', live.kind ?? ''));
  } catch (error) {
    if (!(error instanceof PatchError)) throw error;
    const cause = patchCreationError(error, m.file, { original: lastText ?? '', modified, current: live }, inv.err);
    // apply.go: no patch bytes to show, then the object's resource.Info.
    return void errors.plain(`error when applying patch:\n\nto:\n${infoText(resource, name, namespace)}\nfor: "${m.file}": ${cause}`);
  }
  if (Object.keys(patch).length === 0) {
    printer.print(resource, live, 'unchanged');
    return live;
  }
  const res = await inv.api.request<KubeObject>({
    verb: 'patch',
    ...base,
    name,
    body: patch,
    patchType: strategic ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
    query: { ...writeQuery(inv), fieldManager: 'kubectl-client-side-apply' },
  });
  if (res.ok) {
    printer.print(resource, res.body, 'configured');
    return res.body;
  }
  if (!force || !isForceable(res.body)) return void errors.server(res.body, 'applying patch', m.file);
  const recreated = await deleteAndCreate(inv, target, modified, live, force);
  if (recreated.ok) {
    printer.print(resource, recreated.obj, 'configured');
    return recreated.obj;
  }
  if ('status' in recreated) return void errors.server(recreated.status);
  errors.plain(recreated.message);
  return undefined;
}

/** How resource.Info prints itself in kubectl's errors (`%v`). */
function infoText(resource: ManifestTarget['resource'], name: string, namespace: string | undefined): string {
  const mapping = `Resource: "${resource.group}/${resource.version}, Resource=${resource.name}", GroupVersionKind: "${resource.group}/${resource.version}, Kind=${resource.kind}"`;
  return `${mapping}\nName: "${name}", Namespace: "${namespace ?? ''}"`;
}

/** Models apply.go ApplyOptions.Validate: flag combinations refused before anything is read. */
function validateApplyFlags(inv: Invocation): void {
  const serverSide = boolFlag(inv.flags, 'server-side');
  const dryRun = stringFlag(inv.flags, 'dry-run');
  const force = boolFlag(inv.flags, 'force');
  // Complete's GetDryRunStrategy runs before Validate and before any file is read.
  if (dryRun !== undefined && !['none', 'client', 'server'].includes(dryRun))
    throw new KubectlError(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  if (boolFlag(inv.flags, 'force-conflicts') && !serverSide) throw new KubectlError('error: --force-conflicts only works with --server-side');
  if (dryRun === 'client' && serverSide) throw new KubectlError("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (serverSide && force) throw new KubectlError('error: --force cannot be used with --server-side');
  if (dryRun === 'server' && force) throw new KubectlError('error: --dry-run=server cannot be used with --force');
  if (boolFlag(inv.flags, 'all') && stringFlag(inv.flags, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time');
  if (stringFlag(inv.flags, 'subresource') && !serverSide) throw new KubectlError('error: --subresource can only be specified for --server-side');
}

/**
 * Server-side apply sends the manifest itself under the field manager `kubectl` (or
 * --field-manager); a conflict comes back with kubectl's advice on resolving it.
 * Models apply.go applyOneObject, the server-side branch, and isIncompatibleServerError.
 */
async function applyServerSide(inv: Invocation, target: ManifestTarget, errors: VisitErrors, printer: AppliedObjectsPrinter): Promise<KubeObject | undefined> {
  const { m, resource, namespace, name, base } = target;
  const fieldManager = stringFlag(inv.flags, 'field-manager') ?? 'kubectl';
  // The builder has set the namespace on the object by now, so the server sees it (and so does the
  // last-applied annotation it keeps in step).
  if (name === '') return void errors.plain(EMPTY_NAME);
  const body = namespace === undefined ? m.obj : { ...m.obj, metadata: { ...m.obj.metadata, namespace } };
  const subresource = stringFlag(inv.flags, 'subresource');
  // The migration below may send the manifest a second time: every client copies what it sends.
  const send = () =>
    inv.api.request<KubeObject>({
      verb: 'patch',
      ...base,
      name,
      ...(subresource ? { subresource } : {}),
      body,
      patchType: 'application/apply-patch+yaml',
      query: { ...writeQuery(inv), fieldManager, force: boolFlag(inv.flags, 'force-conflicts') },
    });
  const res = await send();
  if (res.ok) {
    const live = await migrateClientSideApply(inv, target, res.body, send, fieldManager);
    printer.print(resource, live, 'serverside-applied');
    return live;
  }
  if (res.code === 415) return void errors.plain(`Server-side apply not available on the server: (${res.body.message})`);
  if (res.body.reason === 'Conflict') return void errors.plain(`${res.body.message}\n${CONFLICT_ADVICE}`);
  // Unlike client-side apply, the error is returned as the server gave it, without the file.
  errors.server(res.body);
}

const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** A map's null fields dropped at any depth, as the printed dry-run object has them; lists keep their nulls. */
function withoutNullFields<T>(value: T): T {
  return runNested(withoutNulls(value)) as T;
}

function* withoutNulls(value: unknown): NestedStep<unknown> {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(item === null ? item : yield withoutNulls(item));
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null) out[key] = yield withoutNulls(field);
  return out;
}
