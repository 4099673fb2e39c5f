import type { Pod } from 'kubernetes-types/core/v1';
import type { Check } from '../schema.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';
import { notFound, subjectOf } from './check-subject.ts';

export async function checkPodReady(check: Extract<Check, { kind: 'podReady' }>, ctx: CheckContext): Promise<CheckResult> {
  const pods = (await ctx.reader.list({ ...check, resource: 'pods' })) as Pod[];
  if (pods.length === 0) return fail(check.message ?? notFound({ ...check, resource: 'pods' }));
  const notReady = pods.filter((p) => !p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  if (notReady.length === 0) return pass(`${pods.length} pod(s) ready`);
  const states: string[] = [];
  for (const p of notReady) {
    // What `kubectl get pods` shows (Init:CrashLoopBackOff, Completed…) says most about why.
    const status = await ctx.reader.tableCell({ resource: 'pods', name: p.metadata?.name ?? '', ...(p.metadata?.namespace ? { namespace: p.metadata.namespace } : {}) }, 'Status');
    states.push(`${p.metadata?.name} (${status ?? p.status?.containerStatuses?.find((c) => !c.ready)?.state?.waiting?.reason ?? p.status?.phase ?? 'Pending'})`);
  }
  const why =
    check.name && pods.length === 1
      ? `${subjectOf({ ...check, resource: 'pods' })} is not ready (${states[0]!.replace(/^\S+ \((.*)\)$/, '$1')}); expected it to be Running and Ready`
      : `${subjectOf({ ...check, resource: 'pods' })} has ${notReady.length} of ${pods.length} not ready: ${states.join(', ')}; expected every one Running and Ready`;
  return fail(check.message ?? why);
}
