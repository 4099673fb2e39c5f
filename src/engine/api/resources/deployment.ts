/** Deployments (apps/v1): SetDefaults_Deployment, ValidateDeployment, printDeployment. */
import { stableStringify } from '../../store/deep-copy.ts';
import type { Deployment, DeploymentStrategy } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { formatLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateNonnegative, validateObjectMeta } from './object-meta-validation.ts';
import { defaultPodTemplate } from './pod-spec-defaults.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';
import { validatePodTemplateSpecForReplicaSet, validateSelectorUnchanged, validateWorkloadSelector } from './workload-validation.ts';
import { containerCells } from './container-cells.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type IntOrString = number | string;

function applyDeploymentDefaults(obj: KubeObject): void {
  const spec = ((obj as Mutable<Deployment>).spec ??= { selector: undefined!, template: {} }) as Mutable<NonNullable<Deployment['spec']>>;
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {}) as Mutable<DeploymentStrategy>;
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = (strategy.rollingUpdate ??= {}) as { maxUnavailable?: IntOrString; maxSurge?: IntOrString };
    rollingUpdate.maxUnavailable ??= '25%';
    rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(spec.template);
}

/** `%#v` of an intstr.IntOrString, as 1.32 validation messages print it. */
export function goIntOrString(value: IntOrString | undefined): string {
  if (typeof value === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(value)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${value ?? 0}, StrVal:""}`;
}

const PERCENT = /^[0-9]+%$/;

export function intOrPercentValue(value: IntOrString | undefined): number {
  if (typeof value === 'number') return value;
  if (value === undefined) return 0;
  const n = Number.parseInt(value.replace(/%$/, ''), 10);
  return Number.isNaN(n) ? 0 : n;
}

export function validatePositiveIntOrPercent(value: IntOrString | undefined, path: string): FieldError[] {
  if (typeof value === 'string') {
    if (PERCENT.test(value)) return [];
    return [
      invalid(
        path,
        goIntOrString(value),
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ),
    ];
  }
  return validateNonnegative(value, path);
}

function validateStrategy(strategy: DeploymentStrategy | undefined, path: string): FieldError[] {
  const type = strategy?.type ?? '';
  if (type === 'Recreate') {
    return strategy?.rollingUpdate ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    const rollingUpdate = strategy?.rollingUpdate;
    if (!rollingUpdate) return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
    const errs = [
      ...validatePositiveIntOrPercent(rollingUpdate.maxUnavailable, `${path}.rollingUpdate.maxUnavailable`),
      ...validatePositiveIntOrPercent(rollingUpdate.maxSurge, `${path}.rollingUpdate.maxSurge`),
    ];
    if (intOrPercentValue(rollingUpdate.maxUnavailable) === 0 && intOrPercentValue(rollingUpdate.maxSurge) === 0) {
      errs.push(invalid(`${path}.rollingUpdate.maxUnavailable`, goIntOrString(rollingUpdate.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
    const maxUnavailable = rollingUpdate.maxUnavailable;
    if (typeof maxUnavailable === 'string' && PERCENT.test(maxUnavailable) && intOrPercentValue(maxUnavailable) > 100) {
      errs.push(invalid(`${path}.rollingUpdate.maxUnavailable`, goIntOrString(maxUnavailable), 'must not be greater than 100%'));
    }
    return errs;
  }
  const rollingUpdate = strategy?.rollingUpdate ? '&apps.RollingUpdateDeployment{…}' : '(*apps.RollingUpdateDeployment)(nil)';
  return [notSupported(path, `apps.DeploymentStrategy{Type:${JSON.stringify(type)}, RollingUpdate:${rollingUpdate}}`, ['Recreate', 'RollingUpdate'])];
}

// Models ValidateDeploymentSpec.
function validateDeployment(obj: KubeObject): FieldError[] {
  const deployment = obj as Deployment;
  const spec = deployment.spec;
  const errs = validateObjectMeta(deployment.metadata, isDNS1123Subdomain);
  errs.push(...validateNonnegative(spec?.replicas, 'spec.replicas'));
  errs.push(...validateWorkloadSelector(spec?.selector, 'spec.selector'));
  errs.push(...validatePodTemplateSpecForReplicaSet(spec?.template, spec?.selector, 'spec.template'));
  errs.push(...validateStrategy(spec?.strategy, 'spec.strategy'));
  errs.push(...validateNonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const deadline = spec?.progressDeadlineSeconds;
  if (deadline !== undefined) {
    errs.push(...validateNonnegative(deadline, 'spec.progressDeadlineSeconds'));
    if (deadline <= (spec?.minReadySeconds ?? 0)) errs.push(invalid('spec.progressDeadlineSeconds', goValue(deadline), 'must be greater than minReadySeconds'));
  }
  return errs;
}

export const deploymentColumns = [
  nameColumn(),
  column('Ready', 'Number of the pod with ready state'),
  column('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', { type: 'integer' }),
  column('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', { type: 'integer' }),
  ageColumn(),
  column('Containers', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'Images referenced by each container in the template.', { priority: 1 }),
  column('Selector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', { priority: 1 }),
];

function deploymentRow(obj: KubeObject, nowMs: number): (string | number)[] {
  const deployment = obj as Deployment;
  const status = deployment.status ?? {};
  const { names, images } = containerCells(deployment.spec?.template?.spec?.containers);
  const selector = formatLabelSelector(deployment.spec?.selector);
  return [
    deployment.metadata?.name ?? '',
    `${status.readyReplicas ?? 0}/${deployment.spec?.replicas ?? 0}`,
    status.updatedReplicas ?? 0,
    status.availableReplicas ?? 0,
    translateTimestampSince(deployment.metadata?.creationTimestamp, nowMs),
    names,
    images,
    selector === '<none>' ? '' : selector,
  ];
}

export const deploymentDefinition: ResourceDefinition = {
  info: {
    group: 'apps',
    version: 'v1',
    name: 'deployments',
    singularName: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    verbs: [...STANDARD_VERBS],
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
  applyDefaults: applyDeploymentDefaults,
  // Deployment strategy PrepareForCreate: status starts empty.
  admitCreate: (obj) => {
    obj.status = {};
  },
  validateCreate: validateDeployment,
  validateUpdate: (obj, old) => [...validateDeployment(obj), ...validateSelectorUnchanged((obj as Deployment).spec?.selector, (old as Deployment).spec?.selector)],
  hasSpecChange: (obj, old) => stableStringify(obj.spec) !== stableStringify(old.spec),
  tableColumns: deploymentColumns,
  tableRow: (obj, ctx) => deploymentRow(obj, ctx.nowMs),
};
