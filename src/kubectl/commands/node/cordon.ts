/**
 * `kubectl cordon|uncordon NODE…`: sets or clears spec.unschedulable, so the scheduler's
 * NodeUnschedulable filter keeps new pods off the node. Also drain's first step.
 * Models pkg/cmd/drain/drain.go RunCordonOrUncordon and pkg/drain/cordon.go.
 */
import { formatStatus } from '../../errors.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { patchObject } from '../../object-client.ts';
import { kindPrefix } from '../../resource-mapper.ts';
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix, type DryRunStrategy } from '../../dry-run.ts';
import { checkNodeArgs, nodeTargets, type NodeTarget } from './node-targets.ts';

export const NODE_SELECTOR_FLAGS = [DRY_RUN_FLAG, { name: 'selector', short: 'l', kind: 'string' as const }];

/** Marks each target; every line goes to stdout, a failed patch to stderr, and the exit stays 0. */
export async function cordonNodes(inv: Invocation, targets: NodeTarget[], desired: boolean, dryRun: DryRunStrategy): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const { resource, obj } of targets) {
    const line = (operation: string) => inv.out(`${kindPrefix(resource)}/${obj.metadata?.name} ${operation}${dryRunSuffix(dryRun)}\n`);
    if (resource.kind !== 'Node') {
      line('skipped');
      continue;
    }
    const current = (obj.spec as { unschedulable?: boolean } | undefined)?.unschedulable ?? false;
    if (current === desired) {
      line(`already ${verb}ed`);
      continue;
    }
    if (dryRun !== 'client') {
      // CreateTwoWayMergePatch: false is Go's zero value, so uncordoning removes the field.
      const patch = { spec: { unschedulable: desired ? true : null } };
      const patched = await patchObject(inv.api, resource, '', obj.metadata!.name!, patch, 'application/strategic-merge-patch+json', dryRun === 'server');
      if (!patched.ok) {
        inv.err(`error: unable to ${verb} node "${obj.metadata?.name}": ${formatStatus(patched.body).replace(/^Error from server \(\w+\): /, '')}\n`);
        continue;
      }
    }
    line(`${verb}ed`);
  }
}

function cordonCommand(path: 'cordon' | 'uncordon', desired: boolean): KubectlCommand {
  return {
    path,
    flags: NODE_SELECTOR_FLAGS,
    async run(inv) {
      checkNodeArgs(inv, path);
      const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
      const targets = await nodeTargets(inv);
      if (!targets) return 1;
      await cordonNodes(inv, targets, desired, dryRun);
      return 0;
    },
  };
}

export const cordonCommands: KubectlCommand[] = [cordonCommand('cordon', true), cordonCommand('uncordon', false)];
