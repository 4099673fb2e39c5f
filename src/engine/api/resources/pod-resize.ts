/**
 * The pods/resize subresource, the only way to change a running pod's CPU and memory since
 * in-place resize went GA (v1.35): only containers' resources and resizePolicy are taken from
 * the request, and ValidatePodResize decides what may change.
 * Models pkg/registry/core/pod/strategy.go podResizeStrategy and
 * pkg/apis/core/validation/validation.go ValidatePodResize.
 */
import type { Container, Pod, PodSpec, ResourceRequirements } from 'kubernetes-types/core/v1';
import { deepCopy, stableStringify } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goValue, invalid } from '../field-error.ts';
import type { UpdateStrategy } from '../resource-definition.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { podQOSClass } from './pod-qos.ts';
import { validatePodSpec } from './pod-spec-validation.ts';

type Resources = Record<string, string>;
const RESIZABLE = ['cpu', 'memory'];

const isSidecar = (c: Container | undefined) => c?.restartPolicy === 'Always';
const same = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

/** dropNonResizeUpdates: the old pod with only the containers' resources and resizePolicy taken from the request. */
function prepareResize(obj: KubeObject, old: KubeObject): void {
  const pod = obj as Pod;
  const oldPod = old as Pod;
  const oldSpec = oldPod.spec ?? { containers: [] };
  const spec = pod.spec ?? { containers: [] };
  // A changed container list is left as sent, for validation to refuse.
  if ((spec.containers ?? []).length !== (oldSpec.containers ?? []).length) return;
  if ((spec.initContainers ?? []).length !== (oldSpec.initContainers ?? []).length) return;
  const merge = (next: Container[] | undefined, prev: Container[] | undefined): Container[] | undefined => {
    if (!next?.length) return next;
    if (next.some((c, i) => c.name !== prev?.[i]?.name)) return next;
    return next.map((c, i) => {
      const merged = deepCopy(prev![i]!) as Container & {
        resources?: ResourceRequirements;
        resizePolicy?: unknown;
      };
      if (c.resources === undefined) delete merged.resources;
      else merged.resources = deepCopy(c.resources);
      if (c.resizePolicy === undefined) delete merged.resizePolicy;
      else merged.resizePolicy = deepCopy(c.resizePolicy);
      return merged;
    });
  };
  const containers = merge(spec.containers, oldSpec.containers);
  const initContainers = merge(spec.initContainers, oldSpec.initContainers);
  const next = deepCopy(oldSpec) as PodSpec & { containers: Container[] };
  next.containers = containers ?? [];
  if (initContainers) next.initContainers = initContainers;
  else delete next.initContainers;
  pod.spec = next;
  // ResetObjectMetaForStatus: labels, annotations, finalizers and owners stay as stored.
  const meta = (pod.metadata ??= {});
  for (const key of ['labels', 'annotations', 'finalizers', 'ownerReferences'] as const) {
    const value = oldPod.metadata?.[key];
    if (value === undefined) delete meta[key];
    else (meta as Record<string, unknown>)[key] = deepCopy(value);
  }
}

/** dropCPUMemoryResourcesFromContainer: the container with cpu and memory put back as they were. */
function withOldCpuMemory(container: Container, old: Container): Container {
  const reset = (list: Resources | undefined, oldList: Resources | undefined): Resources | undefined => {
    if (oldList === undefined) return undefined;
    const munged: Resources = { ...(list ?? {}) };
    for (const name of RESIZABLE) {
      delete munged[name];
      if (oldList[name] !== undefined) munged[name] = oldList[name]!;
    }
    return munged;
  };
  const copy = deepCopy(container) as Container & {
    resources?: ResourceRequirements;
  };
  const limits = reset(container.resources?.limits as Resources | undefined, old.resources?.limits as Resources | undefined);
  const requests = reset(container.resources?.requests as Resources | undefined, old.resources?.requests as Resources | undefined);
  copy.resources = {
    ...(limits ? { limits } : {}),
    ...(requests ? { requests } : {}),
  };
  return copy;
}

/** Containers compare as the API does after defaulting: an absent resources block equals `{}`. */
const normalized = (c: Container) => ({ ...c, resources: c.resources ?? {} });

function removed(list: Resources | undefined, oldList: Resources | undefined): boolean {
  return Object.keys(oldList ?? {}).some((name) => list?.[name] === undefined);
}

/**
 * validateContainerResize: requests and limits may change but not be removed. (v1.33 also refused
 * lowering a memory limit without RestartContainer; v1.34 lifted that, kubernetes#133012, and the
 * kubelet now checks usage instead.)
 */
function validateContainerResize(next: Container, prev: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (removed(next.resources?.requests as Resources | undefined, prev.resources?.requests as Resources | undefined)) {
    errs.push(forbidden(`${path}.requests`, 'resource requests cannot be removed'));
  }
  if (removed(next.resources?.limits as Resources | undefined, prev.resources?.limits as Resources | undefined)) {
    errs.push(forbidden(`${path}.limits`, 'resource limits cannot be removed'));
  }
  return errs;
}

/** isPodResizeRequestSupported: a running container must report its resources (the node supports resize). */
function isResizeSupported(pod: Pod): boolean {
  for (const status of pod.status?.containerStatuses ?? []) {
    if (status.state?.running) return status.resources !== undefined;
  }
  return true;
}

function validatePodResize(obj: KubeObject, old: KubeObject): FieldError[] {
  const pod = obj as Pod;
  const oldPod = old as Pod;
  const spec = pod.spec ?? ({ containers: [] } as PodSpec);
  const oldSpec = oldPod.spec ?? ({ containers: [] } as PodSpec);
  const errs = [...validateObjectMeta(pod.metadata, isDNS1123Subdomain), ...validatePodSpec(pod.spec, 'spec')];
  const hasPodLevel = (s: PodSpec) => {
    const r = (s as { resources?: ResourceRequirements }).resources;
    return Object.keys(r?.requests ?? {}).length + Object.keys(r?.limits ?? {}).length > 0;
  };
  if (hasPodLevel(oldSpec) || hasPodLevel(spec)) return [forbidden('', 'pods with pod-level resources cannot be resized')];
  if (oldPod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) return [forbidden('', 'static pods cannot be resized')];
  if (oldSpec.os?.name === 'windows') return [forbidden('', 'windows pods cannot be resized')];
  if (podQOSClass(oldSpec) !== podQOSClass(spec)) {
    errs.push(invalid('spec', goValue(pod.status?.qosClass ?? ''), 'Pod QOS Class may not change as a result of resizing'));
  }
  if (!isResizeSupported(oldPod)) errs.push(forbidden('spec', 'Pod running on node without support for resize'));
  // Container lists that changed shape are the main update's error, as there.
  const containers = spec.containers ?? [];
  const oldContainers = oldSpec.containers ?? [];
  const inits = spec.initContainers ?? [];
  const oldInits = oldSpec.initContainers ?? [];
  if (containers.length !== oldContainers.length || inits.length !== oldInits.length) {
    return [...errs, forbidden('spec', 'only cpu and memory resources are mutable')];
  }
  oldInits.forEach((c, i) => {
    if (isSidecar(c)) errs.push(...validateContainerResize(inits[i]!, c, `spec.initContainers[${i}].resources`));
  });
  oldContainers.forEach((c, i) => errs.push(...validateContainerResize(containers[i]!, c, `spec.containers[${i}].resources`)));
  const mungedContainers = containers.map((c, i) => {
    const munged = withOldCpuMemory(c, oldContainers[i]!);
    if (!same(normalized(munged), normalized(oldContainers[i]!))) errs.push(forbidden('spec', 'only cpu and memory resources are mutable'));
    return munged;
  });
  const mungedInits = inits.map((c, i) => {
    const prev = oldInits[i]!;
    if (isSidecar(c)) {
      const munged = withOldCpuMemory(c, prev);
      if (!same(normalized(munged), normalized(prev))) errs.push(forbidden('spec', 'only cpu and memory resources for sidecar containers are mutable'));
      return munged;
    }
    if (!same(normalized(c), normalized(prev))) errs.push(forbidden('spec', 'resources for non-sidecar init containers are immutable'));
    return c;
  });
  if (errs.length > 0) return errs;
  const munged = {
    ...spec,
    containers: mungedContainers,
    ...(inits.length ? { initContainers: mungedInits } : {}),
  };
  const comparable = (s: PodSpec) => ({
    ...s,
    containers: (s.containers ?? []).map(normalized),
    initContainers: (s.initContainers ?? []).map(normalized),
  });
  if (!same(comparable(munged), comparable(oldSpec))) errs.push(forbidden('spec', 'only cpu and memory resources are mutable'));
  return errs;
}

export const podResizeStrategy: UpdateStrategy = {
  prepareForUpdate: prepareResize,
  validateUpdate: validatePodResize,
};
