/** qos.GetPodQOS (pkg/apis/core/helper/qos): Guaranteed, Burstable or BestEffort. */
import type { PodSpec } from 'kubernetes-types/core/v1';
import { quantityValue } from './quantity-value.ts';

const COMPUTE = ['cpu', 'memory'];

export function podQOSClass(spec: PodSpec | undefined): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let isGuaranteed = true;
  for (const container of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
    const containerLimits = new Set<string>();
    for (const [name, q] of Object.entries(container.resources?.requests ?? {})) {
      if (!COMPUTE.includes(name)) continue;
      const value = quantityValue(q) ?? 0;
      if (value !== 0) requests.set(name, (requests.get(name) ?? 0) + value);
    }
    for (const [name, q] of Object.entries(container.resources?.limits ?? {})) {
      if (!COMPUTE.includes(name)) continue;
      const value = quantityValue(q) ?? 0;
      if (value !== 0) {
        containerLimits.add(name);
        limits.set(name, (limits.get(name) ?? 0) + value);
      }
    }
    if (!COMPUTE.every((name) => containerLimits.has(name))) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, value] of requests) {
      if (limits.get(name) !== value) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && limits.size === requests.size ? 'Guaranteed' : 'Burstable';
}
