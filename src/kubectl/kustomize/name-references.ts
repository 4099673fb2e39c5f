/**
 * After renaming (prefix, suffix, hash), every field that names a ConfigMap, Secret, Service,
 * ServiceAccount, PersistentVolumeClaim, Role or workload by its original name takes the new
 * name; an object in the referrer's namespace wins. A subset of kustomize's namereference config
 * (api/internal/konfig/builtinpluginconsts/namereference.go), the references a pod or binding makes.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { podSpecPaths, visitFieldSpec } from './field-specs.ts';
import { nameOf, namespaceOfObject, type Resource } from './resource.ts';

/** Paths below a pod spec that name an object of the kind. */
const POD_REFERENCES: Record<string, string[]> = {
  ConfigMap: [
    'volumes/configMap/name',
    'volumes/projected/sources/configMap/name',
    'containers/env/valueFrom/configMapKeyRef/name',
    'initContainers/env/valueFrom/configMapKeyRef/name',
    'containers/envFrom/configMapRef/name',
    'initContainers/envFrom/configMapRef/name',
  ],
  Secret: [
    'volumes/secret/secretName',
    'volumes/projected/sources/secret/name',
    'containers/env/valueFrom/secretKeyRef/name',
    'initContainers/env/valueFrom/secretKeyRef/name',
    'containers/envFrom/secretRef/name',
    'initContainers/envFrom/secretRef/name',
    'imagePullSecrets/name',
  ],
  ServiceAccount: ['serviceAccountName'],
  PersistentVolumeClaim: ['volumes/persistentVolumeClaim/claimName'],
};

/** Other references: [referenced kind, referrer kind, path]. */
const OBJECT_REFERENCES: [string, string, string][] = [
  ['Secret', 'ServiceAccount', 'secrets/name'],
  ['Secret', 'ServiceAccount', 'imagePullSecrets/name'],
  ['Secret', 'Ingress', 'spec/tls/secretName'],
  ['Service', 'Ingress', 'spec/rules/http/paths/backend/service/name'],
  ['Service', 'Ingress', 'spec/defaultBackend/service/name'],
  ['Service', 'StatefulSet', 'spec/serviceName'],
  ['PersistentVolume', 'PersistentVolumeClaim', 'spec/volumeName'],
  ['StorageClass', 'PersistentVolumeClaim', 'spec/storageClassName'],
  ['PriorityClass', 'Pod', 'spec/priorityClassName'],
];

/** References that say the kind they name next to the name: scaleTargetRef, roleRef, subjects. */
const KINDED_REFERENCES: [string, string][] = [
  ['HorizontalPodAutoscaler', 'spec/scaleTargetRef'],
  ['RoleBinding', 'roleRef'],
  ['ClusterRoleBinding', 'roleRef'],
  ['RoleBinding', 'subjects'],
  ['ClusterRoleBinding', 'subjects'],
];

/** The renamed object a referrer means by `name`, or undefined when the build holds none. */
function referent(resources: Resource[], kind: string, name: string, referrer: KubeObject): Resource | undefined {
  const candidates = resources.filter((r) => r.obj.kind === kind && r.originalName === name);
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((r) => namespaceOfObject(r.obj) === namespaceOfObject(referrer)) ?? candidates[0];
}

function fix(resources: Resource[], referrer: KubeObject, kind: string, path: string): void {
  visitFieldSpec(referrer, { path }, (holder, key) => {
    const value = holder[key];
    if (typeof value !== 'string') return;
    const found = referent(resources, kind, value, referrer);
    if (found) holder[key] = nameOf(found.obj);
  });
}

export function fixNameReferences(resources: Resource[]): void {
  for (const { obj } of resources) {
    const kind = obj.kind ?? '';
    for (const podSpec of podSpecPaths(kind)) {
      for (const [referenced, paths] of Object.entries(POD_REFERENCES)) for (const path of paths) fix(resources, obj, referenced, `${podSpec}/${path}`);
    }
    for (const [referenced, referrer, path] of OBJECT_REFERENCES) if (referrer === kind) fix(resources, obj, referenced, path);
    for (const [referrer, path] of KINDED_REFERENCES) {
      if (referrer !== kind) continue;
      visitFieldSpec(obj, { path }, (holder, key) => {
        const refs = holder[key];
        for (const ref of (Array.isArray(refs) ? refs : [refs]) as { kind?: string; name?: string; namespace?: string }[]) {
          if (typeof ref?.kind !== 'string' || typeof ref.name !== 'string') continue;
          const found = referent(resources, ref.kind, ref.name, obj);
          if (!found) continue;
          ref.name = nameOf(found.obj);
          if (ref.kind === 'ServiceAccount' && namespaceOfObject(found.obj)) ref.namespace = namespaceOfObject(found.obj);
        }
      });
    }
  }
}
