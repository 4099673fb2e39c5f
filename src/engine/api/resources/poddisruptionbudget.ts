/**
 * PodDisruptionBudgets (policy/v1): PrepareForCreate/Update, ValidatePodDisruptionBudget and
 * printPodDisruptionBudget. The disruption controller writes the status the eviction subresource reads.
 * Models pkg/registry/policy/poddisruptionbudget/strategy.go and pkg/apis/policy/validation.
 */
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, invalid, notSupported } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { goIntOrString, intOrPercentValue, validatePositiveIntOrPercent } from './deployment.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';
import { validateLabelSelector } from './workload-validation.ts';

type IntOrString = number | string;

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

function notMoreThan100Percent(value: IntOrString | undefined, path: string): FieldError[] {
  if (typeof value !== 'string' || !value.endsWith('%') || intOrPercentValue(value) <= 100) return [];
  return [invalid(path, goIntOrString(value), 'must not be greater than 100%')];
}

// Models ValidatePodDisruptionBudgetSpec.
function validateBudget(obj: KubeObject): FieldError[] {
  const pdb = obj as PodDisruptionBudget;
  const spec = pdb.spec ?? {};
  const errs = validateObjectMeta(pdb.metadata, isDNS1123Subdomain);
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    // The value is the spec struct, whose pointers Go prints as addresses.
    const value = `policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000c1e0a0), MaxUnavailable:(*intstr.IntOrString)(0xc000c1e0c0), Selector:${spec.selector ? '(*v1.LabelSelector)(0xc000d02030)' : '(*v1.LabelSelector)(nil)'}, UnhealthyPodEvictionPolicy:${spec.unhealthyPodEvictionPolicy ? '(*policy.UnhealthyPodEvictionPolicyType)(0xc000c1e0e0)' : '(*policy.UnhealthyPodEvictionPolicyType)(nil)'}}`;
    errs.push(invalid('spec', value, 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const field of ['minAvailable', 'maxUnavailable'] as const) {
    if (spec[field] === undefined) continue;
    errs.push(...validatePositiveIntOrPercent(spec[field], `spec.${field}`), ...notMoreThan100Percent(spec[field], `spec.${field}`));
  }
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (spec.unhealthyPodEvictionPolicy !== undefined && !EVICTION_POLICIES.includes(spec.unhealthyPodEvictionPolicy))
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', JSON.stringify(spec.unhealthyPodEvictionPolicy), EVICTION_POLICIES));
  return errs;
}

const intOrNA = (value: IntOrString | undefined) => (value === undefined ? 'N/A' : String(value));

export const podDisruptionBudgetDefinition: ResourceDefinition = {
  info: {
    group: 'policy',
    version: 'v1',
    name: 'poddisruptionbudgets',
    singularName: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: ['status'],
  },
  // PrepareForCreate: the status is the controller's to fill.
  admitCreate: (obj) => {
    obj.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validateCreate: validateBudget,
  validateUpdate: validateBudget,
  hasSpecChange: (obj, old) => stableStringify(obj.spec) !== stableStringify(old.spec),
  tableColumns: [
    nameColumn(),
    column('Min Available', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', { type: 'integer' }),
    ageColumn(),
  ],
  tableRow: (obj, ctx) => {
    const pdb = obj as PodDisruptionBudget;
    return [
      pdb.metadata?.name ?? '',
      intOrNA(pdb.spec?.minAvailable),
      intOrNA(pdb.spec?.maxUnavailable),
      pdb.status?.disruptionsAllowed ?? 0,
      translateTimestampSince(pdb.metadata?.creationTimestamp, ctx.nowMs),
    ];
  },
};
