/** What every `rollout` subcommand starts from: the named Deployment and the ReplicaSets it owns. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { formatStatus, KubectlError } from '../../errors.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { getObject, listObjects } from '../../object-client.ts';
import { parseResourceArgs, type ResourceTarget } from '../../resource-args.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

export function targetOf(inv: Invocation): { target: ResourceTarget; name: string } {
  const targets = parseResourceArgs(inv.args, inv.mapper);
  const target = targets[0];
  if (!target || target.names.length === 0) throw new KubectlError('error: required resource not specified');
  return { target, name: target.names[0]! };
}

/** The Deployment, or undefined once the server's refusal has been printed. */
export async function deploymentOf(inv: Invocation, target: ResourceTarget, name: string): Promise<Deployment | undefined> {
  const res = await getObject(inv.api, target.resource, inv.namespace, name);
  if (!res.ok) {
    inv.err(`${formatStatus(res.body)}\n`);
    return undefined;
  }
  return res.body as Deployment;
}

/** Models pkg/controller/deployment/util GetAllReplicaSets: the sets the Deployment controls. */
export async function ownedReplicaSets(inv: Invocation, d: Deployment): Promise<ReplicaSet[]> {
  const rsResource = inv.mapper.resolve('replicasets')!;
  const res = await listObjects(inv.api, rsResource, inv.namespace);
  if (!res.ok) return [];
  return (res.body.items as ReplicaSet[]).filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid && o.controller));
}

/** The revision a ReplicaSet records, or undefined when it has none (deploymentutil.Revision). */
export function revisionOf(rs: ReplicaSet): number | undefined {
  const text = rs.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}
