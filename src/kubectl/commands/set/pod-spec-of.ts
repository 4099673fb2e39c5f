/**
 * Where each workload kind keeps its pod spec, and the error for kinds without one.
 * Models staging/src/k8s.io/kubectl/pkg/polymorphichelpers/updatepodspec.go updatePodSpecForObject.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/client.ts';

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The object's pod spec (created empty where missing, as the typed Go object has one), or undefined for other kinds. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const path = POD_SPEC_PATHS[obj.kind ?? ''];
  if (!path) return undefined;
  let node = obj as Record<string, unknown>;
  for (const key of path) node = (node[key] ??= {}) as Record<string, unknown>;
  return node as unknown as PodSpec;
}

/** The patch error: info.ObjectName (`services/kubernetes`) and the Go type (`*v1.Service`). */
export function notPodTemplate(plural: string, obj: KubeObject): string {
  const version = (obj.apiVersion ?? '').split('/').at(-1);
  return `${plural}/${obj.metadata?.name} the object is not a pod or does not have a pod template: *${version}.${obj.kind}`;
}
