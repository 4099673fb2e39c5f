/**
 * `kubectl taint TYPE NAME… KEY[=VALUE]:EFFECT… | KEY[:EFFECT]-…`: adds, replaces (--overwrite) and
 * removes node taints, which the scheduler's TaintToleration filter and the taint manager honour.
 * Models pkg/cmd/taint/taint.go (Complete, Validate, RunTaint with a ContinueOnError builder).
 */
import type { KubeObject } from '../../../engine/api/client.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../../dry-run.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag } from '../../flags.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { printChanged } from '../../local-objects.ts';
import { getObject, listObjects, patchObject } from '../../object-client.ts';
import { PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import { usageError } from './node-targets.ts';
import { conflictingTaints, existingKeys, parseTaints, reorganizeTaints, TaintSpecError, type Taint } from './taint-specs.ts';

/** Complete's split: every resource word comes before the first taint. */
function splitArgs(args: string[]): { resources: string[]; specs: string[] } {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length) throw new KubectlError(`error: all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, specs };
}

async function nodesToTaint(inv: Invocation, names: string[], all: boolean, selector: string): Promise<{ nodes: KubeObject[]; errors: string[] }> {
  const nodes = inv.mapper.resolve('nodes')!;
  if (all || selector) {
    const listed = await listObjects(inv.api, nodes, '', selector || undefined);
    return listed.ok ? { nodes: listed.body.items.map((n) => ({ ...n, kind: 'Node', apiVersion: 'v1' })), errors: [] } : { nodes: [], errors: [formatStatus(listed.body)] };
  }
  const found: KubeObject[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const res = await getObject(inv.api, nodes, '', name);
    if (res.ok) found.push(res.body);
    else errors.push(formatStatus(res.body));
  }
  return { nodes: found, errors };
}

export const taintCommand: KubectlCommand = {
  path: 'taint',
  flags: [
    { name: 'all', kind: 'bool' },
    DRY_RUN_FLAG,
    { name: 'field-manager', kind: 'string' },
    { name: 'overwrite', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'validate', kind: 'string', noOptDefault: 'strict' },
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    const { resources, specs } = splitArgs(inv.args);
    if (resources.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name>');
    if (specs.length === 0) throw new KubectlError('error: at least one taint update is required');
    let parsed: { add: Taint[]; remove: Taint[] };
    try {
      parsed = parseTaints(specs);
    } catch (error) {
      if (error instanceof TaintSpecError) throw usageError('taint', error.message);
      throw error;
    }
    const type = resources[0]!.toLowerCase();
    const resource = inv.mapper.resolve(type);
    if (!resource) throw new KubectlError(`error: the server doesn't have a resource type "${type}"`);
    if (resource.kind !== 'Node') throw new KubectlError(`error: invalid resource type ${type}, only node types are supported`);
    const conflicts = conflictingTaints(parsed.add, parsed.remove);
    if (conflicts.length) throw new KubectlError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
    const all = boolFlag(inv.flags, 'all');
    const selector = stringFlag(inv.flags, 'selector') ?? '';
    if (all && selector) throw new KubectlError("error: setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2) throw new KubectlError("error: at least one resource name must be specified since 'all' parameter is not set");
    const overwrite = boolFlag(inv.flags, 'overwrite');
    const { nodes, errors } = await nodesToTaint(inv, resources.slice(1), all, selector);
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      const current = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
      const existing = overwrite ? '' : existingKeys(current, parsed.add);
      if (existing) {
        errors.push(`error: node ${name} already has ${existing} taint(s) with same effect(s) and --overwrite is false`);
        continue;
      }
      const change = reorganizeTaints(current, overwrite, parsed.add, parsed.remove);
      if (change.errors.length) {
        errors.push(`error: ${change.errors.length === 1 ? change.errors[0] : `[${change.errors.join(', ')}]`}`);
        continue;
      }
      // No ` (dry run)`: ToPrinter sets the operation after Complete added the suffix to the empty one.
      // The two-way merge patch of spec.taints, a list replaced whole; none left removes the field.
      const patch = { spec: { taints: change.taints.length ? change.taints : null } };
      if (dryRun === 'client') {
        const spec = { ...(node.spec as object), ...(change.taints.length ? { taints: change.taints } : {}) } as { taints?: Taint[] };
        if (!change.taints.length) delete spec.taints;
        printChanged(inv, { resource, obj: { ...node, spec } }, change.operation, { typed: true });
        continue;
      }
      const patched = await patchObject(inv.api, resource, '', name, patch, 'application/strategic-merge-patch+json', dryRun === 'server');
      if (!patched.ok) {
        errors.push(formatStatus(patched.body));
        continue;
      }
      printChanged(inv, { resource, obj: patched.body }, change.operation, { typed: true });
    }
    // The builder continued past each failure; CheckErr prints them once the others are done.
    for (const error of errors) inv.err(`${errors.length > 1 ? error.replace(/^error: /, '') : error}\n`);
    return errors.length ? 1 : 0;
  },
};
