/** DaemonSets (apps/v1): SetDefaults_DaemonSet, ValidateDaemonSet(Update), printDaemonSet. */
import type { DaemonSet, DaemonSetSpec } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { formatLabelSelector, labelSelectorAsRequirements, matchesLabels } from '../../../lib/label-selector/label-selector.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goStringMap, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { containerCells } from './container-cells.ts';
import { goIntOrString, intOrPercentValue, validatePositiveIntOrPercent } from './deployment.ts';
import { formatLabels, goLabelSelector, isEmptySelector } from './label-selector-text.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateAnnotations, validateLabels, validateNonnegative, validateObjectMeta } from './object-meta-validation.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { validatePodSpec } from './pod-spec-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';
import { validateLabelSelector, validateSelectorUnchanged } from './workload-validation.ts';

const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type IntOrString = number | string;

function applyDaemonSetDefaults(obj: KubeObject): void {
  const spec = ((obj as Mutable<DaemonSet>).spec ??= { selector: undefined!, template: {} }) as Mutable<DaemonSetSpec>;
  const strategy = (spec.updateStrategy ??= {}) as { type?: string; rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } };
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = (strategy.rollingUpdate ??= {});
    rollingUpdate.maxUnavailable ??= 1;
    rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template);
}

function validateNotMoreThan100Percent(value: IntOrString | undefined, path: string): FieldError[] {
  if (typeof value !== 'string' || !/^[0-9]+%$/.test(value) || intOrPercentValue(value) <= 100) return [];
  return [invalid(path, goIntOrString(value), 'must not be greater than 100%')];
}

// Models ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet.
function validateUpdateStrategy(spec: DaemonSetSpec): FieldError[] {
  const strategy = spec.updateStrategy ?? {};
  const path = 'spec.updateStrategy';
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type !== 'RollingUpdate') {
    const ru = strategy.rollingUpdate ? '&apps.RollingUpdateDaemonSet{…}' : '(*apps.RollingUpdateDaemonSet)(nil)';
    return [notSupported(path, `apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(strategy.type ?? '')}, RollingUpdate:${ru}}`, ['RollingUpdate', 'OnDelete'])];
  }
  const ru = strategy.rollingUpdate;
  if (!ru) return [required(`${path}.rollingUpdate`)];
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.rollingUpdate.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${path}.rollingUpdate.maxSurge`),
    ...validateNotMoreThan100Percent(ru.maxUnavailable, `${path}.rollingUpdate.maxUnavailable`),
    ...validateNotMoreThan100Percent(ru.maxSurge, `${path}.rollingUpdate.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(`${path}.rollingUpdate.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(required(`${path}.rollingUpdate.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

// Models ValidateDaemonSetSpec.
function validateDaemonSetSpec(spec: DaemonSetSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const selector = spec?.selector;
  if (selector) errs.push(...validateLabelSelector(selector, 'spec.selector'));
  const requirements = labelSelectorAsRequirements(selector);
  const labels = spec?.template?.metadata?.labels;
  if (requirements.ok && !matchesLabels(requirements.requirements, labels)) {
    errs.push(invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  }
  if (selector && isEmptySelector(selector)) errs.push(invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for daemonset'));
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  errs.push(...validateAnnotations(spec?.template?.metadata?.annotations, 'spec.template.metadata.annotations'));
  errs.push(...validatePodSpec(spec?.template?.spec, 'spec.template.spec'));
  const restartPolicy = spec?.template?.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', goValue(restartPolicy), ['Always']));
  if (spec?.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateUpdateStrategy(spec ?? ({} as DaemonSetSpec)));
  errs.push(...validateNonnegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export const daemonSetColumns = [
  nameColumn(),
  column(
    'Desired',
    'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
    { type: 'integer' },
  ),
  column(
    'Current',
    'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
    { type: 'integer' },
  ),
  column('Ready', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.', {
    type: 'integer',
  }),
  column('Up-to-date', 'The total number of nodes that are running updated daemon pod', { type: 'integer' }),
  column(
    'Available',
    'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
    { type: 'integer' },
  ),
  column(
    'Node Selector',
    "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
  ),
  ageColumn(),
  column('Containers', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'Images referenced by each container in the template.', { priority: 1 }),
  column(
    'Selector',
    "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
    { priority: 1 },
  ),
];

export const daemonSetDefinition: ResourceDefinition = {
  info: {
    group: 'apps',
    version: 'v1',
    name: 'daemonsets',
    singularName: 'daemonset',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
    verbs: [...STANDARD_VERBS],
    categories: ['all'],
    subresources: ['status'],
  },
  applyDefaults: applyDaemonSetDefaults,
  // DaemonSet strategy PrepareForCreate: status starts empty (its counters are always written).
  admitCreate: (obj) => {
    obj.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
    // spec.templateGeneration of the internal type, which apps/v1 carries as this annotation.
    const meta = (obj.metadata ??= {});
    meta.annotations = { ...meta.annotations, [TEMPLATE_GENERATION_ANNOTATION]: '1' };
  },
  // PrepareForUpdate: a changed template bumps the template generation.
  prepareForUpdate: (obj, old) => {
    const previous = Number(old.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '0');
    const changed = stableStringify((obj as DaemonSet).spec?.template ?? null) !== stableStringify((old as DaemonSet).spec?.template ?? null);
    const generation = String(changed ? previous + 1 : previous);
    // The server keeps its hold on obj.metadata (uid, resourceVersion): change it in place.
    if (previous > 0 && obj.metadata) obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: generation };
  },
  validateCreate: (obj) => [...validateObjectMeta(obj.metadata, isDNS1123Subdomain), ...validateDaemonSetSpec((obj as DaemonSet).spec)],
  validateUpdate: (obj, old) => [
    ...validateDaemonSetSpec((obj as DaemonSet).spec),
    ...validateSelectorUnchanged((obj as DaemonSet).spec?.selector, (old as DaemonSet).spec?.selector),
  ],
  hasSpecChange: (obj, old) => stableStringify(obj.spec) !== stableStringify(old.spec),
  tableColumns: daemonSetColumns,
  tableRow: (obj, ctx) => {
    const ds = obj as DaemonSet;
    const s = ds.status;
    const { names, images } = containerCells(ds.spec?.template?.spec?.containers);
    return [
      ds.metadata?.name ?? '',
      s?.desiredNumberScheduled ?? 0,
      s?.currentNumberScheduled ?? 0,
      s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0,
      s?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      translateTimestampSince(ds.metadata?.creationTimestamp, ctx.nowMs),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
