/** StatefulSets (apps/v1): SetDefaults_StatefulSet, ValidateStatefulSet(Update), printStatefulSet. */
import type { StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, PodSpec } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { labelSelectorAsRequirements, matchesLabels } from '../../../lib/label-selector/label-selector.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goStringMap, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { containerCells } from './container-cells.ts';
import { goIntOrString, intOrPercentValue, validatePositiveIntOrPercent } from './deployment.ts';
import { goLabelSelector, isEmptySelector } from './label-selector-text.ts';
import { isDNS1123Label } from './name-validation.ts';
import { validateAnnotations, validateLabels, validateNonnegative, validateObjectMeta } from './object-meta-validation.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { validatePodSpec } from './pod-spec-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';
import { validateLabelSelector } from './workload-validation.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type IntOrString = number | string;

// Models pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet with MaxUnavailableStatefulSet (beta,
// on by default in v1.35), and SetObjectDefaults_StatefulSet for the claim templates.
function applyStatefulSetDefaults(obj: KubeObject): void {
  const spec = ((obj as Mutable<StatefulSet>).spec ??= { selector: undefined!, template: {} } as unknown as StatefulSetSpec) as Mutable<StatefulSetSpec>;
  spec.podManagementPolicy ||= 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {}) as { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: IntOrString } };
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) {
    strategy.rollingUpdate.partition ??= 0;
    strategy.rollingUpdate.maxUnavailable ??= 1;
  }
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {}) as { whenDeleted?: string; whenScaled?: string };
  retention.whenDeleted ||= 'Retain';
  retention.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template);
  for (const claim of spec.volumeClaimTemplates ?? []) defaultClaimTemplate(claim as Mutable<PersistentVolumeClaim>);
}

function defaultClaimTemplate(claim: Mutable<PersistentVolumeClaim>): void {
  claim.apiVersion ??= 'v1';
  claim.kind ??= 'PersistentVolumeClaim';
  const meta = (claim.metadata ??= {}) as { creationTimestamp?: string | null };
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
  const spec = (claim.spec ??= {}) as { volumeMode?: string };
  spec.volumeMode ??= 'Filesystem';
  const status = (claim.status ??= {}) as { phase?: string };
  status.phase ||= 'Pending';
}

function validateUpdateStrategy(spec: StatefulSetSpec): FieldError[] {
  const strategy = spec.updateStrategy ?? {};
  const rollingUpdate = strategy.rollingUpdate;
  switch (strategy.type ?? '') {
    case '':
      return [required('spec.updateStrategy')];
    case 'OnDelete':
      if (!rollingUpdate) return [];
      return [invalid('spec.updateStrategy.rollingUpdate', goRollingUpdate(rollingUpdate), "only allowed for updateStrategy 'RollingUpdate'")];
    case 'RollingUpdate': {
      if (!rollingUpdate) return [];
      const path = 'spec.updateStrategy.rollingUpdate';
      const errs = validateNonnegative(rollingUpdate.partition, `${path}.partition`);
      const maxUnavailable = rollingUpdate.maxUnavailable;
      if (maxUnavailable !== undefined) {
        errs.push(...validatePositiveIntOrPercent(maxUnavailable, `${path}.maxUnavailable`));
        if (intOrPercentValue(maxUnavailable) === 0) errs.push(invalid(`${path}.maxUnavailable`, goIntOrString(maxUnavailable), 'cannot be 0'));
        if (typeof maxUnavailable === 'string' && /^[0-9]+%$/.test(maxUnavailable) && intOrPercentValue(maxUnavailable) > 100) {
          errs.push(invalid(`${path}.maxUnavailable`, goIntOrString(maxUnavailable), 'must not be greater than 100%'));
        }
      }
      return errs;
    }
    default: {
      const ru = rollingUpdate ? goRollingUpdate(rollingUpdate) : '(*apps.RollingUpdateStatefulSetStrategy)(nil)';
      return [
        invalid('spec.updateStrategy', `apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(strategy.type)}, RollingUpdate:${ru}}`, "must be 'RollingUpdate' or 'OnDelete'"),
      ];
    }
  }
}

/** `%#v` of the internal RollingUpdateStatefulSetStrategy (partition is a plain int32 there). */
function goRollingUpdate(ru: { partition?: number; maxUnavailable?: IntOrString }): string {
  const maxUnavailable = ru.maxUnavailable === undefined ? '(*intstr.IntOrString)(nil)' : `&${goIntOrString(ru.maxUnavailable)}`;
  return `apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:${maxUnavailable}}`;
}

function validateRetentionPolicy(spec: StatefulSetSpec): FieldError[] {
  const policy = spec.persistentVolumeClaimRetentionPolicy;
  if (!policy) return [];
  const errs: FieldError[] = [];
  for (const key of ['whenDeleted', 'whenScaled'] as const) {
    const value = policy[key] ?? '';
    if (value !== 'Retain' && value !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, goValue(value), ['Retain', 'Delete']));
  }
  return errs;
}

function validateClaimTemplates(spec: StatefulSetSpec): FieldError[] {
  const errs: FieldError[] = [];
  (spec.volumeClaimTemplates ?? []).forEach((claim, i) => {
    const path = `spec.volumeClaimTemplates[${i}]`;
    if (!claim.metadata?.name) errs.push(required(`${path}.metadata.name`, 'name or generateName is required'));
    if (!(claim.spec?.accessModes ?? []).length) errs.push(required(`${path}.spec.accessModes`, 'at least 1 access mode is required'));
    if (claim.spec?.resources?.requests?.storage === undefined) errs.push(required(`${path}.spec.resources[storage]`));
  });
  return errs;
}

function withClaimVolumes(podSpec: PodSpec | undefined, spec: StatefulSetSpec): PodSpec | undefined {
  const templates = spec.volumeClaimTemplates ?? [];
  if (!podSpec || !templates.length) return podSpec;
  const named = new Set((podSpec.volumes ?? []).map((v) => v.name));
  const claims = templates
    .map((t) => t.metadata?.name ?? '')
    .filter((name) => name && !named.has(name))
    .map((name) => ({ name, persistentVolumeClaim: { claimName: name } }));
  return { ...podSpec, volumes: [...(podSpec.volumes ?? []), ...claims] };
}

// Models ValidateStatefulSetSpec (pkg/apis/apps/validation/validation.go).
function validateStatefulSetSpec(spec: StatefulSetSpec | undefined): FieldError[] {
  if (!spec) return [required('spec.selector')];
  const errs: FieldError[] = [];
  const policy = spec.podManagementPolicy ?? '';
  if (policy === '') errs.push(required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', goValue(policy), "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(spec));
  errs.push(...validateRetentionPolicy(spec));
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (spec.ordinals) errs.push(...validateNonnegative(spec.ordinals.start, 'spec.ordinals.start'));
  if (spec.serviceName) for (const msg of isDNS1123Label(spec.serviceName)) errs.push(invalid('spec.serviceName', goValue(spec.serviceName), msg));
  const selector = spec.selector;
  if (!selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (isEmptySelector(selector)) errs.push(invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for statefulset'));
  }
  const requirements = labelSelectorAsRequirements(selector);
  if (!requirements.ok) errs.push(invalid('spec.selector', goLabelSelector(selector), ''));
  else {
    const template = spec.template;
    const labels = template?.metadata?.labels;
    if (selector && !isEmptySelector(selector) && !matchesLabels(requirements.requirements, labels)) {
      errs.push(invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
    }
    errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
    errs.push(...validateAnnotations(template?.metadata?.annotations, 'spec.template.metadata.annotations'));
    // Mounts may name a volumeClaimTemplate: the pods get a claim volume of that name (upstream skips ValidatePodSpec here).
    errs.push(...validatePodSpec(withClaimVolumes(template?.spec, spec), 'spec.template.spec'));
    errs.push(...validateClaimTemplates(spec));
  }
  const restartPolicy = spec.template?.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', goValue(restartPolicy), ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

const UPDATABLE_SPEC_FIELDS = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'] as const;

function validateStatefulSetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateStatefulSetSpec((obj as StatefulSet).spec);
  const frozen = (spec: StatefulSetSpec | undefined) => {
    const copy: Record<string, unknown> = { ...(spec ?? {}) };
    for (const key of UPDATABLE_SPEC_FIELDS) delete copy[key];
    return stableStringify(copy);
  };
  if (frozen((obj as StatefulSet).spec) !== frozen((old as StatefulSet).spec)) {
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}

export const statefulSetColumns = [
  nameColumn(),
  column('Ready', 'Number of the pod with ready state'),
  ageColumn(),
  column('Containers', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'Images referenced by each container in the template.', { priority: 1 }),
];

export const statefulSetDefinition: ResourceDefinition = {
  info: {
    group: 'apps',
    version: 'v1',
    name: 'statefulsets',
    singularName: 'statefulset',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
    verbs: [...STANDARD_VERBS],
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
  applyDefaults: applyStatefulSetDefaults,
  // StatefulSet strategy PrepareForCreate: status starts empty.
  admitCreate: (obj) => {
    obj.status = { replicas: 0, availableReplicas: 0 };
  },
  validateCreate: (obj) => [...validateObjectMeta(obj.metadata, isDNS1123Label), ...validateStatefulSetSpec((obj as StatefulSet).spec)],
  validateUpdate: validateStatefulSetUpdate,
  hasSpecChange: (obj, old) => stableStringify(obj.spec) !== stableStringify(old.spec),
  tableColumns: statefulSetColumns,
  tableRow: (obj, ctx) => {
    const sts = obj as StatefulSet;
    const { names, images } = containerCells(sts.spec?.template?.spec?.containers);
    return [
      sts.metadata?.name ?? '',
      `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 0}`,
      translateTimestampSince(sts.metadata?.creationTimestamp, ctx.nowMs),
      names,
      images,
    ];
  },
};
