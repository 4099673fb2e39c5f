/**
 * `namespace`, `namePrefix` and `nameSuffix`. Cluster-scoped kinds keep no namespace; a
 * Namespace object takes the namespace's name; CRDs, APIServices and Namespaces keep their names.
 * Models kustomize api/filters/namespace and api/internal/builtins/PrefixTransformer.go.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import type { Kustomization } from './kustomization-file.ts';

/** Kinds of the core APIs that have no namespace (kustomize's openapi knows them so). */
export const CLUSTER_SCOPED_KINDS = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

const KEEP_NAME_KINDS = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

export function transformNamespace(objects: KubeObject[], k: Kustomization): void {
  const namespace = k.namespace;
  if (!namespace) return;
  for (const obj of objects) {
    const kind = obj.kind ?? '';
    if (kind === 'Namespace') obj.metadata = { ...obj.metadata, name: namespace };
    else if (!CLUSTER_SCOPED_KINDS.has(kind)) obj.metadata = { ...obj.metadata, namespace };
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
      for (const subject of (obj as { subjects?: { kind?: string; name?: string; namespace?: string }[] }).subjects ?? []) {
        if (subject.kind === 'ServiceAccount' && subject.name === 'default') subject.namespace = namespace;
      }
    }
  }
}

export function transformPrefixSuffix(objects: KubeObject[], k: Kustomization): void {
  const prefix = k.namePrefix ?? '';
  const suffix = k.nameSuffix ?? '';
  if (!prefix && !suffix) return;
  for (const obj of objects) {
    if (KEEP_NAME_KINDS.has(obj.kind ?? '')) continue;
    const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
    obj.metadata = { ...obj.metadata, name: `${prefix}${name}${suffix}` };
  }
}
