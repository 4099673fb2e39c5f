/** cmp.Diff(oldPod.Spec, newPod.Spec) over the internal types, as ValidatePodUpdate reports it. */
import type { PodSpec } from 'kubernetes-types/core/v1';
import { cmpDiff } from './go-cmp-report.ts';
import { podSpecGoValue } from './pod-spec-go-value.ts';

export function podSpecDiff(oldSpec: PodSpec, newSpec: PodSpec): string {
  return cmpDiff(podSpecGoValue(oldSpec as unknown as Record<string, unknown>), podSpecGoValue(newSpec as unknown as Record<string, unknown>));
}
