/**
 * `kubectl set resources (-f FILE | TYPE NAME) --limits=cpu=200m,memory=512Mi --requests=…`:
 * sets container resource requirements in pod templates.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go.
 */
import { parseQuantity } from '../../../lib/quantity/quantity.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../../dry-run.ts';
import { KubectlError, MISSING_RESOURCES } from '../../errors.ts';
import { boolFlag, stringFlag } from '../../flags.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import { selectContainers } from './container-selector.ts';
import { gatherTargets } from './pod-template-targets.ts';
import { applyPodTemplateChanges } from './pod-template-patch.ts';

/** `cpu=100m,memory=256Mi` as canonical quantities, or kubectl's error. */
export function parseResourceList(spec: string): Map<string, string> {
  const result = new Map<string, string>();
  if (spec === '') return result;
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const parsed = parseQuantity(parts[1]!);
    if (!parsed.ok) throw new KubectlError(`error: ${parsed.message}`);
    result.set(parts[0]!, parsed.quantity.text);
  }
  return result;
}

export const setResourcesCommand: KubectlCommand = {
  path: 'set resources',
  flags: [
    { name: 'all', kind: 'bool' },
    { name: 'containers', short: 'c', kind: 'string' },
    DRY_RUN_FLAG,
    { name: 'field-manager', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'limits', kind: 'string' },
    { name: 'local', kind: 'bool' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'requests', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    // Complete gathers the objects before Validate looks at the flags.
    const targets = await gatherTargets(inv, inv.args, MISSING_RESOURCES, { refuseLocalResources: true });
    if (targets.errors.length > 0) throw new KubectlError(targets.errors.join('\n'));
    if (boolFlag(inv.flags, 'local') && dryRun === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (boolFlag(inv.flags, 'all') && stringFlag(inv.flags, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time');
    const limitsText = stringFlag(inv.flags, 'limits') ?? '';
    const requestsText = stringFlag(inv.flags, 'requests') ?? '';
    if (!limitsText && !requestsText) throw new KubectlError('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
    const limits = parseResourceList(limitsText);
    const requests = parseResourceList(requestsText);
    const selector = stringFlag(inv.flags, 'containers') ?? '*';
    const missing: string[] = [];
    return applyPodTemplateChanges(
      inv,
      targets.objects,
      (_target, spec) => {
        const containers = selectContainers(spec.containers, spec.initContainers, selector);
        if (containers.length === 0) missing.push(`error: unable to find container named ${selector}`);
        for (const c of containers) {
          const resources = (c.resources ??= {});
          if (limits.size > 0) resources.limits = { ...resources.limits, ...Object.fromEntries(limits) };
          if (requests.size > 0) resources.requests = { ...resources.requests, ...Object.fromEntries(requests) };
        }
        return undefined;
      },
      { verb: 'resource requirements updated', dryRun, earlyErrors: () => missing, patchError: (message) => `failed to patch resources update to pod template ${message}` },
    );
  },
};
