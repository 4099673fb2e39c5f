/** PriorityClasses (scheduling.k8s.io/v1): ValidatePriorityClass(Update) and printPriorityClass. */
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goValue, invalid, notSupported } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

/** Models pkg/apis/scheduling HighestUserDefinablePriority and the two classes the apiserver creates. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
export const SYSTEM_PRIORITY_CLASSES: readonly { name: string; value: number; description: string }[] = [
  { name: 'system-node-critical', value: 2_000_001_000, description: 'Used for system critical pods that must not be moved from their current node.' },
  {
    name: 'system-cluster-critical',
    value: 2_000_000_000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];
const GLOBAL_DEFAULT_DESCRIPTION =
  'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.';
const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

/** Models schedulingapiv1.IsKnownSystemPriorityClass. */
function knownSystemClassError(pc: PriorityClass): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === pc.metadata?.name);
  if (!known) return `${pc.metadata?.name} is not a known system priority class`;
  if (known.value !== pc.value) return `value of ${known.name} PriorityClass must be ${known.value}`;
  if (pc.globalDefault) return `globalDefault of ${known.name} PriorityClass must be false`;
  return undefined;
}

function validatePriorityClass(obj: KubeObject): FieldError[] {
  const pc = obj as unknown as PriorityClass;
  const errs = validateObjectMeta(pc.metadata, isDNS1123Subdomain);
  if ((pc.metadata?.name ?? '').startsWith('system-')) {
    const problem = knownSystemClassError(pc);
    if (problem) errs.push(forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${problem}`));
  } else if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(pc.preemptionPolicy))
    errs.push(notSupported('preemptionPolicy', goValue(pc.preemptionPolicy), PREEMPTION_POLICIES));
  return errs;
}

function validatePriorityClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const pc = obj as unknown as PriorityClass;
  const prev = old as unknown as PriorityClass;
  const errs: FieldError[] = [];
  if (pc.value !== prev.value) errs.push(forbidden('value', 'may not be changed in an update.'));
  if (pc.preemptionPolicy !== prev.preemptionPolicy) errs.push(invalid('preemptionPolicy', goValue(pc.preemptionPolicy ?? ''), 'field is immutable'));
  return errs;
}

export const priorityClassDefinition: ResourceDefinition = {
  info: {
    group: 'scheduling.k8s.io',
    version: 'v1',
    name: 'priorityclasses',
    singularName: 'priorityclass',
    kind: 'PriorityClass',
    namespaced: false,
    shortNames: ['pc'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  applyDefaults: (obj) => {
    const pc = obj as { preemptionPolicy?: string };
    pc.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validateCreate: validatePriorityClass,
  validateUpdate: (obj, old) => [...validatePriorityClass(obj), ...validatePriorityClassUpdate(obj, old)],
  tableColumns: [
    nameColumn(),
    column(
      'Value',
      'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.',
      { type: 'integer' },
    ),
    column('Global-Default', GLOBAL_DEFAULT_DESCRIPTION, { type: 'boolean' }),
    ageColumn(),
    column(
      'PreemptionPolicy',
      'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.',
    ),
  ],
  tableRow: (obj, ctx) => {
    const pc = obj as unknown as PriorityClass;
    return [pc.metadata?.name ?? '', pc.value, pc.globalDefault ?? false, translateTimestampSince(pc.metadata?.creationTimestamp, ctx.nowMs), pc.preemptionPolicy ?? ''];
  },
};
