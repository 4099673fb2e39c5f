/** `kubectl rollout status`: waits on a watch until the Deployment has rolled out. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import { stringFlag } from '../../flags.ts';
import { KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { requestBase } from '../../resource-args.ts';
import { deploymentOf, targetOf } from './deployment-target.ts';

/** Models pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status. */
export function statusMessage(d: Deployment): { message: string; done: boolean; error?: string } {
  const name = d.metadata!.name!;
  const s = d.status ?? {};
  const replicas = d.spec?.replicas ?? 1;
  if ((d.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: '', done: true, error: `error: deployment "${name}" exceeded its progress deadline` };
  const updated = s.updatedReplicas ?? 0;
  if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
  if ((s.replicas ?? 0) > updated)
    return { message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((s.availableReplicas ?? 0) < updated)
    return { message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

export const rolloutStatus: KubectlCommand = {
  path: 'rollout status',
  flags: [
    { name: 'watch', short: 'w', kind: 'string' },
    { name: 'timeout', kind: 'string' },
    { name: 'revision', kind: 'int' },
  ],
  async run(inv) {
    const { target, name } = targetOf(inv);
    if (target.resource.kind !== 'Deployment')
      throw new KubectlError(`error: no status viewer has been implemented for ${target.resource.kind}${target.resource.group ? `.${target.resource.group}` : ''}`);
    const first = await deploymentOf(inv, target, name);
    if (!first) return 1;
    const watchFlag = stringFlag(inv.flags, 'watch');
    const evaluate = (d: Deployment): number | undefined => {
      const result = statusMessage(d);
      if (result.error) {
        inv.err(`${result.error}\n`);
        return 1;
      }
      inv.out(result.message);
      return result.done ? 0 : undefined;
    };
    const immediate = evaluate(first);
    if (immediate !== undefined || watchFlag === 'false') return immediate ?? 0;
    const timeout = parseDuration(stringFlag(inv.flags, 'timeout'));
    return new Promise<number>((resolve) => {
      let finished = false;
      const finish = (code: number) => {
        if (finished) return;
        finished = true;
        handle.stop();
        resolve(code);
      };
      const handle = inv.api.watch(
        { verb: 'watch', ...requestBase(target.resource, inv.namespace), name, query: { resourceVersion: first.metadata!.resourceVersion! } },
        (event) => {
          if (finished) return;
          if (event.type === 'DELETED') {
            inv.err('error: object has been deleted\n');
            finish(1);
            return;
          }
          const code = evaluate(event.object as Deployment);
          if (code !== undefined) finish(code);
        },
      );
      inv.ctx.interrupt.onInterrupt(() => finish(130));
      if (timeout) {
        inv.ctx.time.sleep(timeout).then(
          () => {
            if (!finished) {
              inv.err('error: timed out waiting for the condition\n');
              finish(1);
            }
          },
          () => undefined,
        );
      }
    });
  },
};

/** `60s`, `5m`, `1h30m`, or a bare number of seconds. */
export function parseDuration(text: string | undefined): number | undefined {
  if (!text || text === '0') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms']!;
  return total || undefined;
}
