/** `replicas`: the replica count of the named workloads. Models kustomize api/internal/builtins/ReplicaCountTransformer.go. */
import type { Kustomization } from './kustomization-file.ts';
import { nameOf, type Resource } from './resource.ts';

const SCALED_KINDS = new Set(['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet']);

export function transformReplicas(resources: Resource[], k: Kustomization): void {
  for (const rule of k.replicas ?? []) {
    for (const r of resources) {
      if (!SCALED_KINDS.has(r.obj.kind ?? '')) continue;
      if (r.originalName !== rule.name && nameOf(r.obj) !== rule.name) continue;
      const spec = (r.obj.spec ?? {}) as Record<string, unknown>;
      spec.replicas = rule.count ?? 0;
      r.obj.spec = spec;
    }
  }
}
