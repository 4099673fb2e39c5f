/**
 * POST pods/binding: how the scheduler sets spec.nodeName, which a pod update may not change.
 * Models pkg/registry/core/pod/storage/storage.go BindingREST.
 */
import { deepCopy } from '../store/deep-copy.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { ApiRequest, ApiResponse, KubeObject } from './client.ts';
import { resourceKey } from './resource-key.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';

export function bindPod(store: ObjectStore, req: ApiRequest, now: string): ApiResponse<unknown> {
  const key = resourceKey('', 'pods');
  const stored = store.get(key, req.namespace, req.name ?? '');
  if (!stored) return failure(statusOf.notFound('', 'pods', req.name ?? ''));
  const pod = deepCopy(stored);
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  if (spec.nodeName) return failure(statusOf.conflict('', 'pods', req.name ?? '', `pod ${req.name} is already assigned to node "${spec.nodeName}"`));
  const target = (req.body as { target?: { name?: string } } | undefined)?.target?.name;
  if (!target) return failure(statusOf.badRequest('binding target is required'));
  spec.nodeName = target;
  pod.spec = spec;
  // ClearingNominatedNodeNameAfterBinding (beta, on in v1.35): the nomination is spent once bound.
  delete (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  setPodScheduled(pod, now);
  store.put(key, pod);
  return { ok: true, code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
}

/**
 * BindingREST.setPodNodeAndMetadata: binding marks the pod PodScheduled=True (UpdatePodCondition:
 * a new transition time only when the status changes), stamped with the pod's generation.
 */
function setPodScheduled(pod: KubeObject, now: string): void {
  const status = (pod.status ??= {}) as { conditions?: Record<string, unknown>[] };
  const conditions = status.conditions ?? [];
  const previous = conditions.find((c) => c.type === 'PodScheduled');
  const condition = {
    lastProbeTime: null,
    lastTransitionTime: previous?.status === 'True' ? previous.lastTransitionTime : now,
    ...(pod.metadata?.generation !== undefined ? { observedGeneration: pod.metadata.generation } : {}),
    status: 'True',
    type: 'PodScheduled',
  };
  status.conditions = previous ? conditions.map((c) => (c === previous ? condition : c)) : [...conditions, condition];
}
