/** One object of a build, with the name it had before any kustomization renamed it. */
import type { KubeObject } from '../../engine/api/client.ts';

export interface Resource {
  obj: KubeObject;
  /** The name references to it are written with (kustomize's original id). */
  originalName: string;
  /** Made by a generator that asks for a content hash suffix. */
  needsHash?: boolean;
}

export const nameOf = (obj: KubeObject): string => (typeof obj.metadata?.name === 'string' ? obj.metadata.name : '');
export const namespaceOfObject = (obj: KubeObject): string => (typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '');

/** The API group of an object's apiVersion (`apps/v1` → `apps`, `v1` → ``). */
export function groupOf(obj: KubeObject): string {
  const apiVersion = obj.apiVersion ?? '';
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

export function versionOf(obj: KubeObject): string {
  const apiVersion = obj.apiVersion ?? '';
  return apiVersion.slice(apiVersion.indexOf('/') + 1);
}

/** kustomize's id string: `Deployment.v1.apps/web.prod`, `ConfigMap.v1.[noGrp]/cfg.[noNs]`. */
export function idString(obj: KubeObject): string {
  const group = groupOf(obj) || '[noGrp]';
  const namespace = namespaceOfObject(obj) || '[noNs]';
  return `${obj.kind ?? ''}.${versionOf(obj)}.${group}/${nameOf(obj)}.${namespace}`;
}
