/** `kubectl rollout status`: waits on a watch until the workload has rolled out. */
import type { KubeObject } from '../../../engine/api/client.ts';
import { stringFlag } from '../../flags.ts';
import { KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { requestBase } from '../../resource-args.ts';
import { deploymentOf, targetOf } from './deployment-target.ts';
import { statusViewerFor } from './status-viewers.ts';

export const rolloutStatus: KubectlCommand = {
  path: 'rollout status',
  flags: [
    { name: 'watch', short: 'w', kind: 'string' },
    { name: 'timeout', kind: 'string' },
    { name: 'revision', kind: 'int' },
  ],
  async run(inv) {
    const { target, name } = targetOf(inv);
    const viewer = statusViewerFor(target.resource.kind);
    if (!viewer) throw new KubectlError(`error: no status viewer has been implemented for ${target.resource.kind}${target.resource.group ? `.${target.resource.group}` : ''}`);
    const first = await deploymentOf(inv, target, name);
    if (!first) return 1;
    const watchFlag = stringFlag(inv.flags, 'watch');
    const evaluate = (obj: KubeObject): number | undefined => {
      const result = viewer(obj);
      if (result.error) {
        inv.err(`${result.error}\n`);
        return 1;
      }
      inv.out(result.message);
      return result.done ? 0 : undefined;
    };
    const immediate = evaluate(first as KubeObject);
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
          const code = evaluate(event.object);
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
