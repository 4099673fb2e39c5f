/** `kubectl rollout status`: waits on a watch until each workload the builder finds has rolled out. */
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { checkDurationFlag } from '../../duration-flag.ts';
import { intFlag } from '../../flags.ts';
import { KubectlError } from '../../errors.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { requestBase } from '../../resource-args.ts';
import { groupKind, printRolloutErrors, requireRolloutResources, ROLLOUT_BUILDER_FLAGS, rolloutObjects } from './rollout-objects.ts';
import { statusViewerFor, type RolloutState } from './status-viewers.ts';

/** What watching one object ended in: done, an error for the aggregate, or Ctrl-C. */
type Outcome = { done: true } | { error: string } | { interrupted: true };

export const rolloutStatus: KubectlCommand = {
  path: 'rollout status',
  flags: [...ROLLOUT_BUILDER_FLAGS, { name: 'watch', short: 'w', kind: 'bool' }, { name: 'timeout', kind: 'string' }, { name: 'revision', kind: 'int' }],
  async run(inv) {
    const timeoutMs = checkDurationFlag(inv, 'timeout', 'rollout status');
    requireRolloutResources(inv);
    const revision = intFlag(inv.flags, 'revision') ?? 0;
    if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
    const errors: string[] = [];
    const found = await rolloutObjects(inv, errors);
    for (const { resource, obj } of found) {
      const viewer = statusViewerFor(resource.kind);
      if (!viewer || resource.group !== 'apps') {
        errors.push(`no status viewer has been implemented for ${groupKind(resource)}`);
        continue;
      }
      const outcome = await watchUntilDone(inv, resource, obj, (o) => viewer(o, revision), timeoutMs);
      if ('interrupted' in outcome) return 130;
      if ('error' in outcome) errors.push(outcome.error);
    }
    if (found.length === 0 && errors.length === 0) inv.err(`No resources found in ${inv.namespace} namespace.\n`);
    return printRolloutErrors(inv, errors);
  },
};

/** The watch of rollout_status.go Run: each state printed until done, or once when --watch=false. */
function watchUntilDone(inv: Invocation, resource: ApiResource, first: KubeObject, view: (obj: KubeObject) => RolloutState, timeoutMs: number): Promise<Outcome> {
  const shouldWatch = inv.flags.values.get('watch') !== false;
  const evaluate = (obj: KubeObject): Outcome | undefined => {
    const result = view(obj);
    if (result.error) return { error: result.error };
    inv.out(result.message);
    return result.done || !shouldWatch ? { done: true } : undefined;
  };
  const immediate = evaluate(first);
  if (immediate) return Promise.resolve(immediate);
  return new Promise<Outcome>((resolve) => {
    let finished = false;
    const finish = (outcome: Outcome) => {
      if (finished) return;
      finished = true;
      handle.stop();
      resolve(outcome);
    };
    const handle = inv.api.watch(
      { verb: 'watch', ...requestBase(resource, first.metadata?.namespace), name: first.metadata!.name!, query: { resourceVersion: first.metadata!.resourceVersion! } },
      (event) => {
        if (finished) return;
        // Aborts rather than silently watching a recreated object of the same name.
        if (event.type === 'DELETED') return finish({ error: 'object has been deleted' });
        const outcome = evaluate(event.object);
        if (outcome) finish(outcome);
      },
    );
    inv.ctx.interrupt.onInterrupt(() => finish({ interrupted: true }));
    if (timeoutMs > 0) {
      inv.ctx.time.sleep(timeoutMs).then(
        () => finish({ error: 'timed out waiting for the condition' }),
        () => undefined,
      );
    }
  });
}
