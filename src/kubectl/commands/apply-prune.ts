/**
 * `kubectl apply --prune`: after every object is applied, delete the objects of the allowlisted
 * types that an earlier apply made (they carry the last-applied annotation) and the files no
 * longer hold, in the namespaces the files touched. Models pkg/cmd/apply/prune.go.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { cascadeStrategy } from '../cascade-flag.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { boolFlag, intFlag, stringFlag, stringsFlag, type FlagSpec } from '../flags.ts';
import type { Invocation } from '../kubectl-command.ts';
import { requestBase } from '../resource-args.ts';
import { pruneCandidates, pruneTypes, type PruneType } from './diff-prune.ts';
import { outputOf } from './manifest-targets.ts';

export const PRUNE_FLAGS: FlagSpec[] = [
  { name: 'prune', kind: 'bool' },
  { name: 'prune-allowlist', kind: 'strings' },
];

export interface PrunePlan {
  allowed: PruneType[] | undefined;
  propagationPolicy: ReturnType<typeof cascadeStrategy>;
  visited: { namespaces: Set<string>; uids: Set<string> };
}

/** ApplyFlags.ToOptions and ApplyOptions.Validate, the --prune parts; undefined without --prune. */
export function planPrune(inv: Invocation, propagationPolicy: PrunePlan['propagationPolicy']): PrunePlan | undefined {
  if (!boolFlag(inv.flags, 'prune')) return undefined;
  const allowed = pruneTypes(inv, stringsFlag(inv.flags, 'prune-allowlist'));
  // Re-creating objects with --force would change the UIDs pruning tells them apart by.
  if (boolFlag(inv.flags, 'force')) throw new KubectlError('error: --force cannot be used with --prune');
  if (!boolFlag(inv.flags, 'all') && !stringFlag(inv.flags, 'selector'))
    throw new KubectlError(
      'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
    );
  if (boolFlag(inv.flags, 'server-side')) throw new KubectlError("error: --prune is in alpha and doesn't currently work on objects created by server-side apply");
  return { allowed, propagationPolicy, visited: { namespaces: new Set(), uids: new Set() } };
}

/** What the visitor notes of each applied object: its namespace, and its UID once the server has it. */
export function visitForPrune(plan: PrunePlan, namespace: string | undefined, applied: KubeObject | undefined): void {
  if (namespace !== undefined) plan.visited.namespaces.add(namespace);
  const uid = applied?.metadata?.uid;
  if (uid) plan.visited.uids.add(uid);
}

/** pruneAll: deletes (unless a client dry run) and prints each pruned object. */
export async function prune(inv: Invocation, plan: PrunePlan): Promise<void> {
  const candidates = await pruneCandidates(inv, plan.allowed, plan.visited, stringFlag(inv.flags, 'selector'));
  if ('error' in candidates) throw new KubectlError(`error: ${candidates.error}`);
  const dryRun = stringFlag(inv.flags, 'dry-run') ?? 'none';
  const grace = intFlag(inv.flags, 'grace-period') ?? -1;
  const { propagationPolicy } = plan;
  for (const { obj, resource, namespace } of candidates.objects) {
    if (dryRun !== 'client') {
      const query = { propagationPolicy, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}) };
      const res = await inv.api.request({ verb: 'delete', ...requestBase(resource, namespace), name: obj.metadata?.name ?? '', query });
      if (!res.ok) throw new KubectlError(formatStatus(res.body));
    }
    inv.out(outputOf(inv, resource, obj, 'pruned'));
  }
}
