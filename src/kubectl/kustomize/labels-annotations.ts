/**
 * `commonLabels`, `labels` and `commonAnnotations`: the field specs of kustomize's builtin
 * configuration (api/internal/konfig/builtinpluginconsts commonlabels.go, metadatalabels.go,
 * commonannotations.go). A label that must match the pods goes into selectors too.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { visitFieldSpec, type FieldSpec } from './field-specs.ts';
import type { Kustomization, StringMap } from './kustomization-file.ts';

const TEMPLATE_KINDS = ['ReplicationController', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'];

const templateSpecs = (field: 'labels' | 'annotations'): FieldSpec[] => [
  ...TEMPLATE_KINDS.map((kind) => ({ kinds: [kind], path: `spec/template/metadata/${field}`, create: true })),
  { kinds: ['CronJob'], path: `spec/jobTemplate/metadata/${field}`, create: true },
  { kinds: ['CronJob'], path: `spec/jobTemplate/spec/template/metadata/${field}`, create: true },
];

const METADATA_LABELS: FieldSpec[] = [{ path: 'metadata/labels', create: true }];

const AFFINITY = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

const SELECTOR_LABELS: FieldSpec[] = [
  { kinds: ['Service'], path: 'spec/selector', create: true },
  { kinds: ['ReplicationController'], path: 'spec/selector', create: true },
  { kinds: ['Deployment'], path: 'spec/selector/matchLabels', create: true },
  ...AFFINITY.map((path) => ({ kinds: ['Deployment'], path })),
  { kinds: ['ReplicaSet'], path: 'spec/selector/matchLabels', create: true },
  { kinds: ['DaemonSet'], path: 'spec/selector/matchLabels', create: true },
  { kinds: ['StatefulSet'], path: 'spec/selector/matchLabels', create: true },
  ...AFFINITY.map((path) => ({ kinds: ['StatefulSet'], path })),
  { kinds: ['Job'], path: 'spec/selector/matchLabels' },
  { kinds: ['CronJob'], path: 'spec/jobTemplate/spec/selector/matchLabels' },
  { kinds: ['PodDisruptionBudget'], path: 'spec/selector/matchLabels' },
  { kinds: ['NetworkPolicy'], path: 'spec/podSelector/matchLabels' },
  { kinds: ['NetworkPolicy'], path: 'spec/ingress/from/podSelector/matchLabels' },
  { kinds: ['NetworkPolicy'], path: 'spec/egress/to/podSelector/matchLabels' },
];

const VOLUME_CLAIM_LABELS: FieldSpec[] = [{ kinds: ['StatefulSet'], path: 'spec/volumeClaimTemplates[]/metadata/labels', create: true }];

const COMMON_LABELS = [...SELECTOR_LABELS, ...METADATA_LABELS, ...templateSpecs('labels'), ...VOLUME_CLAIM_LABELS];
const COMMON_ANNOTATIONS = [{ path: 'metadata/annotations', create: true }, ...templateSpecs('annotations')];

/** Merges `pairs` into the map at every field the specs name (a null or missing map is created). */
function addPairs(objects: KubeObject[], pairs: StringMap, specs: FieldSpec[]): void {
  for (const obj of objects) {
    for (const spec of specs) {
      visitFieldSpec(obj, spec, (holder, key) => {
        const current = holder[key];
        const map = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as StringMap) : {};
        for (const [k, v] of Object.entries(pairs)) map[k] = String(v);
        holder[key] = map;
      });
    }
  }
}

export function transformLabels(objects: KubeObject[], k: Kustomization): void {
  if (k.commonLabels && Object.keys(k.commonLabels).length > 0) addPairs(objects, k.commonLabels, COMMON_LABELS);
  for (const label of k.labels ?? []) {
    if (!label.pairs) continue;
    const specs = label.includeSelectors ? COMMON_LABELS : label.includeTemplates ? [...METADATA_LABELS, ...templateSpecs('labels'), ...VOLUME_CLAIM_LABELS] : METADATA_LABELS;
    addPairs(objects, label.pairs, specs);
  }
}

export function transformAnnotations(objects: KubeObject[], k: Kustomization): void {
  if (k.commonAnnotations && Object.keys(k.commonAnnotations).length > 0) addPairs(objects, k.commonAnnotations, COMMON_ANNOTATIONS);
}
