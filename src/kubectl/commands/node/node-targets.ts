/**
 * The nodes cordon, uncordon and drain act on: names (`node01`, or `TYPE/NAME`) or `-l`, never both.
 * Models pkg/cmd/drain/drain.go Complete: the builder reads every named object first and stops at
 * the first that is missing, before any node changes.
 */
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { formatStatus, KubectlError, MISSING_RESOURCES } from '../../errors.ts';
import { stringFlag } from '../../flags.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { getObject, listObjects } from '../../object-client.ts';

export interface NodeTarget {
  resource: ApiResource;
  obj: KubeObject;
}

/** cmdutil.UsageErrorf: the message, then where the help is. */
export function usageError(command: string, message: string): KubectlError {
  return new KubectlError(`error: ${message}\nSee 'kubectl ${command} -h' for help and examples`);
}

/** Complete's first checks: a node or a selector, not both. */
export function checkNodeArgs(inv: Invocation, command: string): void {
  const selector = stringFlag(inv.flags, 'selector');
  if (inv.args.length === 0 && selector === undefined) throw usageError(command, `USAGE: ${command} NODE [flags]`);
  if (inv.args.length > 0 && selector) throw usageError(command, 'cannot specify both a node name and a --selector option');
}

/** The targets, or undefined once the failure is printed. */
export async function nodeTargets(inv: Invocation): Promise<NodeTarget[] | undefined> {
  const selector = stringFlag(inv.flags, 'selector');
  const nodes = inv.mapper.resolve('nodes')!;
  // drain.go adds the selector to the builder only when it is not empty: `-l ''` names nothing.
  if (inv.args.length === 0 && !selector) throw new KubectlError(MISSING_RESOURCES);
  if (inv.args.length === 0) {
    const listed = await listObjects(inv.api, nodes, '', selector || undefined);
    if (!listed.ok) {
      inv.err(`${formatStatus(listed.body)}\n`);
      return undefined;
    }
    return listed.body.items.map((obj) => ({ resource: nodes, obj: { ...obj, kind: 'Node', apiVersion: 'v1' } }));
  }
  const targets: NodeTarget[] = [];
  for (const arg of inv.args) {
    const slash = arg.indexOf('/');
    const resource = slash < 0 ? nodes : inv.mapper.resolve(arg.slice(0, slash));
    if (!resource) throw new KubectlError(`error: the server doesn't have a resource type "${arg.slice(0, slash)}"`);
    const res = await getObject(inv.api, resource, inv.namespace, slash < 0 ? arg : arg.slice(slash + 1));
    if (!res.ok) {
      inv.err(`${formatStatus(res.body)}\n`);
      return undefined;
    }
    targets.push({ resource, obj: res.body });
  }
  return targets;
}
