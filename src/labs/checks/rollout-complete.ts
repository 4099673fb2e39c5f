import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Check } from '../schema.ts';
import { describeRef } from '../object-reader.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

/** The same test `kubectl rollout status` applies (reference kubectl-output §6.1). */
export async function checkRolloutComplete(check: Extract<Check, { kind: 'rolloutComplete' }>, ctx: CheckContext): Promise<CheckResult> {
  const d = (await ctx.reader.get({ ...check, resource: 'deployments' })) as Deployment | undefined;
  if (!d) return fail(check.message ?? `expected ${describeRef(check)} to exist, but it was not found`);
  const replicas = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  const explain = (found: string) => fail(check.message ?? `expected the rollout of ${describeRef(check)} to be complete, but ${found}`);
  if ((s.observedGeneration ?? 0) < (d.metadata?.generation ?? 1)) return explain('the controller has not seen the latest change yet');
  if ((s.updatedReplicas ?? 0) < replicas) return explain(`${s.updatedReplicas ?? 0} out of ${replicas} new replicas have been updated`);
  if ((s.replicas ?? 0) > (s.updatedReplicas ?? 0)) return explain(`${(s.replicas ?? 0) - (s.updatedReplicas ?? 0)} old replicas are pending termination`);
  if ((s.availableReplicas ?? 0) < (s.updatedReplicas ?? 0)) return explain(`${s.availableReplicas ?? 0} of ${s.updatedReplicas} updated replicas are available`);
  return pass(`deployment "${d.metadata?.name}" successfully rolled out`);
}
