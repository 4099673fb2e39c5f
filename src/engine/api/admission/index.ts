/** The admission plugins of the simulated apiserver, in kube-apiserver's order. */
import type { AdmissionPlugin } from './admission-plugin.ts';
import { limitRanger } from './limit-ranger.ts';
import { priorityAdmission } from './priority-admission.ts';
import { resourceQuotaAdmission } from './resource-quota-admission.ts';

export function defaultAdmissionPlugins(): AdmissionPlugin[] {
  return [limitRanger, priorityAdmission, resourceQuotaAdmission];
}
