/**
 * A StatefulSet pod's identity: `<set>-<ordinal>`, the pod-name and pod-index labels, hostname
 * and subdomain from serviceName, and the revision it was made from.
 * Models pkg/controller/statefulset/stateful_set_utils.go.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/controller-history.ts';
import { isPodReady, podAvailability } from '../pod-conditions.ts';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const ORDINAL = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: -1 when the name is not `<parent>-<n>`. */
export function getOrdinal(pod: Pod): number {
  const match = ORDINAL.exec(pod.metadata?.name ?? '');
  return match ? Number(match[2]) : -1;
}

export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  const match = ORDINAL.exec(pod.metadata?.name ?? '');
  return match?.[1] === set.metadata?.name;
}

export function getStartOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals?.start ?? 0;
}

export function getPodRevision(pod: Pod): string {
  return pod.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}

export function isCreated(pod: Pod): boolean {
  return Boolean(pod.status?.phase);
}

export function isTerminating(pod: Pod): boolean {
  return Boolean(pod.metadata?.deletionTimestamp);
}

export function isFailed(pod: Pod): boolean {
  return pod.status?.phase === 'Failed';
}

export function isSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return pod.status?.phase === 'Running' && podAvailability(pod, minReadySeconds, nowMs).available;
}

/** isHealthy: running, ready and not being deleted. */
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

export function controllerRef(set: StatefulSet) {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata!.name!, uid: set.metadata!.uid!, controller: true, blockOwnerDeletion: true };
}

/** newStatefulSetPod + setPodRevision: the template's pod with the identity of `ordinal`. */
export function newStatefulSetPod(set: StatefulSet, template: PodTemplateSpec, ordinal: number, revision: string): KubeObject {
  const copy = JSON.parse(JSON.stringify(template)) as PodTemplateSpec;
  const name = `${set.metadata!.name}-${ordinal}`;
  const labels = { ...(copy.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH_LABEL]: revision };
  const metadata: Record<string, unknown> = { name, namespace: set.metadata!.namespace, labels, ownerReferences: [controllerRef(set)] };
  if (copy.metadata?.annotations) metadata.annotations = copy.metadata.annotations;
  const spec: Record<string, unknown> = { ...copy.spec, hostname: name };
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  const claims = set.spec?.volumeClaimTemplates ?? [];
  if (claims.length) spec.volumes = withClaimVolumes(set, copy.spec?.volumes ?? [], name);
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec } as KubeObject;
}

/** updateStorage: each claim template becomes a volume backed by the claim `<template>-<pod>`. */
function withClaimVolumes(set: StatefulSet, volumes: NonNullable<Pod['spec']>['volumes'] & object, podName: string) {
  const byName = new Map(volumes.map((v) => [v.name, v]));
  for (const claim of set.spec?.volumeClaimTemplates ?? []) {
    const volumeName = claim.metadata?.name ?? '';
    byName.set(volumeName, { name: volumeName, persistentVolumeClaim: { claimName: `${volumeName}-${podName}` } });
  }
  return [...byName.values()];
}
