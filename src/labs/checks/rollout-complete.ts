import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Check } from '../schema.ts';
import { notFound, subjectOf } from './check-subject.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

/** The same test `kubectl rollout status` applies (reference kubectl-output §6.1). */
export async function checkRolloutComplete(check: Extract<Check, { kind: 'rolloutComplete' }>, ctx: CheckContext): Promise<CheckResult> {
  const d = (await ctx.reader.get({ ...check, resource: 'deployments' })) as Deployment | undefined;
  if (!d) return fail(check.message ?? notFound({ ...check, resource: 'deployments' }));
  const replicas = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  const subject = subjectOf({ ...check, resource: 'deployments' });
  const explain = (found: string) => fail(check.message ?? `${subject} has ${found}; expected its rollout to be complete`);
  if ((s.observedGeneration ?? 0) < (d.metadata?.generation ?? 1)) return explain('a change the controller has not seen yet');
  if ((s.updatedReplicas ?? 0) < replicas) return explain(`${s.updatedReplicas ?? 0} of ${replicas} replicas updated`);
  if ((s.replicas ?? 0) > (s.updatedReplicas ?? 0)) return explain(`${(s.replicas ?? 0) - (s.updatedReplicas ?? 0)} old replica(s) still terminating`);
  if ((s.availableReplicas ?? 0) < (s.updatedReplicas ?? 0)) return explain(`${s.availableReplicas ?? 0} of ${s.updatedReplicas} updated replicas available`);
  return pass(`deployment "${d.metadata?.name}" successfully rolled out`);
}
