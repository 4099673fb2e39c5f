/** Reads deployments, ReplicaSets, pods (with kubectl's STATUS cell) and deployment events through the API. */
import type { ApiClient, KubeObject, Table } from '../engine/api/client.ts';
import type { WorkloadSnapshot } from '../protocol/messages.ts';

interface Obj extends KubeObject {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export async function workloadSnapshot(api: ApiClient, namespace: string, nowMs: number): Promise<WorkloadSnapshot> {
  const list = async (group: string, resource: string) => {
    const res = await api.request<{ items: Obj[] }>({ verb: 'list', group, version: 'v1', resource, namespace });
    return res.ok ? res.body.items : [];
  };
  const owner = (o: Obj) => o.metadata?.ownerReferences?.find((r) => r.controller)?.name;
  const deployments = (await list('apps', 'deployments')).map((d) => {
    const spec = d.spec as { replicas?: number; strategy?: { type?: string; rollingUpdate?: { maxSurge?: unknown; maxUnavailable?: unknown } } };
    return {
      name: d.metadata!.name!,
      replicas: spec.replicas ?? 1,
      strategy: spec.strategy?.type ?? 'RollingUpdate',
      maxSurge: String(spec.strategy?.rollingUpdate?.maxSurge ?? ''),
      maxUnavailable: String(spec.strategy?.rollingUpdate?.maxUnavailable ?? ''),
      revision: d.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? '',
    };
  });
  const replicaSets = (await list('apps', 'replicasets')).map((rs) => {
    const spec = rs.spec as { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } };
    const status = rs.status as { replicas?: number; readyReplicas?: number; availableReplicas?: number };
    return {
      name: rs.metadata!.name!,
      ...(owner(rs) ? { owner: owner(rs)! } : {}),
      revision: rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? '',
      image: spec.template?.spec?.containers?.map((c) => c.image).join(',') ?? '',
      desired: spec.replicas ?? 0,
      current: status?.replicas ?? 0,
      ready: status?.readyReplicas ?? 0,
      available: status?.availableReplicas ?? 0,
    };
  });
  const table = await api.request<Table>({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace, query: { as: 'Table' } });
  const pods = table.ok
    ? table.body.rows.map((row) => ({
        name: String(row.cells[0]),
        ready: String(row.cells[1]),
        status: String(row.cells[2]),
        ...(owner(row.object as Obj) ? { owner: owner(row.object as Obj)! } : {}),
      }))
    : [];
  const eventsRes = await api.request<{ items: { lastTimestamp?: string; involvedObject?: { kind?: string; name?: string }; reason?: string; message?: string }[] }>({
    verb: 'list',
    group: '',
    version: 'v1',
    resource: 'events',
    namespace,
  });
  const events = (eventsRes.ok ? eventsRes.body.items : [])
    .filter((e) => e.involvedObject?.kind === 'Deployment')
    .map((e) => ({ atMs: Date.parse(e.lastTimestamp ?? ''), object: e.involvedObject?.name ?? '', reason: e.reason ?? '', message: e.message ?? '' }))
    .sort((a, b) => a.atMs - b.atMs);
  return { nowMs, deployments, replicaSets, pods, events };
}
