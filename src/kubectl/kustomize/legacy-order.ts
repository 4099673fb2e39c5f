/**
 * kustomize's legacy output order: kinds in a fixed priority (namespaces first, webhooks last),
 * then by group/version/kind, then by namespace and name. Models kustomize
 * api/internal/builtins/SortOrderTransformer.go (legacyIDSorter).
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { groupOf, nameOf, namespaceOfObject, versionOf } from './resource.ts';

const ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function typeOrder(kind: string): number {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
}

const gvkString = (obj: KubeObject) => `${groupOf(obj) || '~G'}_${versionOf(obj) || '~V'}_${obj.kind || '~K'}`;
const idString = (obj: KubeObject) => `${namespaceOfObject(obj) || '~X'}|${nameOf(obj) || '~N'}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareObjects(a: KubeObject, b: KubeObject): number {
  const ga = gvkString(a);
  const gb = gvkString(b);
  if (ga !== gb) {
    const byType = typeOrder(a.kind ?? '') - typeOrder(b.kind ?? '');
    if (byType !== 0) return byType;
    // Core namespaces sort after namespaces of other groups (the legacy sorter inverts this pair).
    if (a.kind === 'Namespace' && b.kind === 'Namespace' && (groupOf(a) === '' || groupOf(b) === '')) return compare(gb, ga);
    return compare(ga, gb);
  }
  return compare(idString(a), idString(b));
}

export function legacyOrder<T extends { obj: KubeObject }>(items: T[]): T[] {
  return [...items].sort((x, y) => compareObjects(x.obj, y.obj));
}
