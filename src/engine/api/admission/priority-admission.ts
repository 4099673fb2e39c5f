/** Models plugin/pkg/admission/priority: pods get spec.priority from their class; one global default. */
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { AdmissionAttributes, AdmissionPlugin } from './admission-plugin.ts';

/** Models getDefaultPriorityClass: the global default with the lowest value, should several exist. */
function defaultPriorityClass(a: AdmissionAttributes): PriorityClass | undefined {
  let found: PriorityClass | undefined;
  for (const pc of a.ctx.store.list('priorityclasses') as unknown as PriorityClass[]) {
    if (pc.globalDefault && (!found || found.value > pc.value)) found = pc;
  }
  return found;
}

function admitPod(a: AdmissionAttributes): string | undefined {
  const spec = ((a.obj as Pod).spec ?? {}) as { priorityClassName?: string; priority?: number; preemptionPolicy?: string };
  let priority = 0;
  let preemptionPolicy = 'PreemptLowerPriority';
  if (!spec.priorityClassName) {
    const pc = defaultPriorityClass(a);
    if (pc) {
      spec.priorityClassName = pc.metadata!.name!;
      priority = pc.value;
      preemptionPolicy = pc.preemptionPolicy ?? preemptionPolicy;
    }
  } else {
    const pc = a.ctx.store.get('priorityclasses', undefined, spec.priorityClassName) as unknown as PriorityClass | undefined;
    if (!pc) return `no PriorityClass with name ${spec.priorityClassName} was found`;
    priority = pc.value;
    preemptionPolicy = pc.preemptionPolicy ?? preemptionPolicy;
  }
  if (spec.priority !== undefined && spec.priority !== priority) {
    return `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`;
  }
  spec.priority = priority;
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== preemptionPolicy) {
    return `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`;
  }
  spec.preemptionPolicy = preemptionPolicy;
  return undefined;
}

export const priorityAdmission: AdmissionPlugin = {
  admit: (a) => (a.group === '' && a.resource === 'pods' ? admitPod(a) : undefined),
  validate: (a) => {
    if (a.group !== 'scheduling.k8s.io' || a.resource !== 'priorityclasses' || !(a.obj as unknown as PriorityClass).globalDefault) return undefined;
    const current = defaultPriorityClass(a);
    return current ? `PriorityClass ${current.metadata?.name} is already marked as default. Only one default can exist` : undefined;
  },
};
