import type { Pod } from 'kubernetes-types/core/v1';
import type { Check } from '../schema.ts';
import { describeRef } from '../object-reader.ts';
import { fail, pass, type CheckContext, type CheckResult } from './check-context.ts';

export async function checkPodReady(check: Extract<Check, { kind: 'podReady' }>, ctx: CheckContext): Promise<CheckResult> {
  const pods = (await ctx.reader.list({ ...check, resource: 'pods' })) as Pod[];
  if (pods.length === 0) return fail(check.message ?? `expected ${describeRef(check)} to be running and ready, but found none`);
  const notReady = pods.filter((p) => !p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  if (notReady.length === 0) return pass(`${pods.length} pod(s) ready`);
  const states: string[] = [];
  for (const p of notReady) {
    // What `kubectl get pods` shows (Init:CrashLoopBackOff, Completed…) says most about why.
    const status = await ctx.reader.tableCell({ resource: 'pods', name: p.metadata?.name ?? '', ...(p.metadata?.namespace ? { namespace: p.metadata.namespace } : {}) }, 'Status');
    states.push(`${p.metadata?.name} (${status ?? p.status?.containerStatuses?.find((c) => !c.ready)?.state?.waiting?.reason ?? p.status?.phase ?? 'Pending'})`);
  }
  return fail(check.message ?? `expected every pod to be Ready; not ready: ${states.join(', ')}`);
}
