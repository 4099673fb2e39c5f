/** ReplicaSets (apps/v1): SetDefaults_ReplicaSet, ValidateReplicaSet, printReplicaSet. */
import { stableStringify } from '../../store/deep-copy.ts';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import type { FieldError } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { containerCells } from './container-cells.ts';
import { formatLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateNonnegative, validateObjectMeta } from './object-meta-validation.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';
import { validatePodTemplateSpecForReplicaSet, validateSelectorUnchanged, validateWorkloadSelector } from './workload-validation.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function validateReplicaSet(obj: KubeObject): FieldError[] {
  const rs = obj as ReplicaSet;
  const spec = rs.spec;
  return [
    ...validateObjectMeta(rs.metadata, isDNS1123Subdomain),
    ...validateNonnegative(spec?.replicas, 'spec.replicas'),
    ...validateNonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'),
    ...validateWorkloadSelector(spec?.selector, 'spec.selector'),
    ...validatePodTemplateSpecForReplicaSet(spec?.template, spec?.selector, 'spec.template'),
  ];
}

export const replicaSetColumns = [
  nameColumn(),
  column(
    'Desired',
    'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works',
    { type: 'integer' },
  ),
  column(
    'Current',
    'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#how-a-replicaset-works',
    { type: 'integer' },
  ),
  column('Ready', 'The number of ready replicas for this replica set. A pod is counted as ready when it has the Ready condition.', { type: 'integer' }),
  ageColumn(),
  column('Containers', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'Images referenced by each container in the template.', { priority: 1 }),
  column('Selector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', { priority: 1 }),
];

export const replicaSetDefinition: ResourceDefinition = {
  info: {
    group: 'apps',
    version: 'v1',
    name: 'replicasets',
    singularName: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    verbs: [...STANDARD_VERBS],
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
  applyDefaults: (obj) => {
    const spec = ((obj as Mutable<ReplicaSet>).spec ??= { selector: undefined! }) as Mutable<NonNullable<ReplicaSet['spec']>>;
    spec.replicas ??= 1;
    defaultPodTemplate(spec.template);
  },
  // ReplicaSet strategy PrepareForCreate: status starts at zero replicas.
  admitCreate: (obj) => {
    obj.status = { replicas: 0 };
  },
  validateCreate: validateReplicaSet,
  validateUpdate: (obj, old) => [...validateReplicaSet(obj), ...validateSelectorUnchanged((obj as ReplicaSet).spec?.selector, (old as ReplicaSet).spec?.selector)],
  hasSpecChange: (obj, old) => stableStringify(obj.spec) !== stableStringify(old.spec),
  tableColumns: replicaSetColumns,
  tableRow: (obj, ctx) => {
    const rs = obj as ReplicaSet;
    const { names, images } = containerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata?.name ?? '',
      rs.spec?.replicas ?? 0,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata?.creationTimestamp, ctx.nowMs),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};
