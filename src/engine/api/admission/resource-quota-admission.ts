/**
 * Models plugin/pkg/admission/resourcequota (controller.go checkRequest): a create is charged
 * against every matching quota of its namespace and refused when it would exceed one; the new
 * usage is written to the quota's status at once, before the quota controller recounts.
 */
import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import { addLists, exceededNames, maskList, prettyPrintList, type ResourceList } from '../resources/resource-list.ts';
import type { AdmissionAttributes, AdmissionPlugin } from './admission-plugin.ts';
import { matchingResources, objectUsage, quotaMatchesScopes } from './quota-usage.ts';

/** Resources a pod's every container must state once a quota tracks them (the pod evaluator's Constraints). */
const VALIDATION_SET = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

function podConstraints(pod: Pod, restricted: string[]): string | undefined {
  const required = restricted.filter((name) => VALIDATION_SET.includes(name));
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const has = new Set<string>();
    for (const name of Object.keys(c.resources?.requests ?? {})) if (name === 'cpu' || name === 'memory') has.add(name).add(`requests.${name}`);
    for (const name of Object.keys(c.resources?.limits ?? {})) if (name === 'cpu' || name === 'memory') has.add(`limits.${name}`);
    for (const name of required) if (!has.has(name)) (missing.get(name) ?? missing.set(name, new Set()).get(name)!).add(c.name);
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((name) => `${name} for: ${[...missing.get(name)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

function checkRequest(a: AdmissionAttributes): string | undefined {
  const quotas = (a.ctx.store.list('resourcequotas', a.namespace) as ResourceQuota[]).sort((x, y) => (x.metadata!.name! < y.metadata!.name! ? -1 : 1));
  const interesting: ResourceQuota[] = [];
  for (const quota of quotas) {
    if (matchingResources(a.group, a.resource, Object.keys(quota.spec?.hard ?? {})).length === 0) continue;
    if (!quotaMatchesScopes(quota, a.group, a.resource, a.obj)) continue;
    const restricted = matchingResources(a.group, a.resource, Object.keys(quota.status?.hard ?? {}));
    if (a.group === '' && a.resource === 'pods') {
      const problem = podConstraints(a.obj as Pod, restricted);
      if (problem) return `failed quota: ${quota.metadata?.name}: ${problem}`;
    }
    const missing = restricted.filter((name) => (quota.status?.used as ResourceList | undefined)?.[name] === undefined);
    if (missing.length) return `status unknown for quota: ${quota.metadata?.name}, resources: ${missing.sort().join(',')}`;
    if (restricted.length) interesting.push(quota);
  }
  const delta = objectUsage(a.group, a.resource, a.obj, a.ctx.nowMs);
  const charged: { quota: ResourceQuota; used: ResourceList }[] = [];
  for (const quota of interesting) {
    const hard = (quota.status?.hard ?? {}) as ResourceList;
    const used = (quota.status?.used ?? {}) as ResourceList;
    const requested = maskList(delta, Object.keys(hard));
    const newUsage = addLists(used, requested);
    const exceeded = exceededNames(maskList(newUsage, Object.keys(requested)), hard);
    if (exceeded.length) {
      return `exceeded quota: ${quota.metadata?.name}, requested: ${prettyPrintList(maskList(requested, exceeded))}, used: ${prettyPrintList(maskList(used, exceeded))}, limited: ${prettyPrintList(maskList(hard, exceeded))}`;
    }
    charged.push({ quota, used: newUsage });
  }
  if (!a.dryRun) {
    for (const { quota, used } of charged) a.updateStatus('', 'resourcequotas', { ...quota, status: { ...quota.status, used } });
  }
  return undefined;
}

export const resourceQuotaAdmission: AdmissionPlugin = { validate: checkRequest };
