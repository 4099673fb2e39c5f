/** What `rollout history` and `rollout undo` read of a Deployment: the ReplicaSets it owns and the revision each records. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../engine/api/client.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { listObjects } from '../../object-client.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** Models pkg/controller/deployment/util GetAllReplicaSets: the sets the Deployment controls. */
export async function ownedReplicaSets(inv: Invocation, d: Deployment | KubeObject): Promise<ReplicaSet[]> {
  const rsResource = inv.mapper.resolve('replicasets')!;
  const res = await listObjects(inv.api, rsResource, d.metadata?.namespace ?? inv.namespace);
  if (!res.ok) return [];
  return (res.body.items as ReplicaSet[]).filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid && o.controller));
}

/** The revision a ReplicaSet records, or undefined when it has none (deploymentutil.Revision). */
export function revisionOf(rs: ReplicaSet): number | undefined {
  const text = rs.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}
