/**
 * What one object charges against a ResourceQuota (pkg/quota/v1/evaluator/core): pods their
 * compute requests and limits, services their node ports and load balancers, and every kind its
 * object count (`count/<resource>[.<group>]`), plus the legacy names (`pods`, `configmaps`…).
 */
import type { Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../client.ts';
import { podQOSClass } from '../resources/pod-qos.ts';
import { addLists, type ResourceList } from '../resources/resource-list.ts';
import { podLimits, podRequests } from './pod-resources.ts';

const LEGACY_COUNTED = ['configmaps', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas', 'secrets', 'services'];
const POD_COMPUTE = /^(cpu|memory|ephemeral-storage|(requests|limits)\.(cpu|memory|ephemeral-storage)|(requests\.|limits\.)?hugepages-.+)$/;

export const countName = (group: string, resource: string) => (group ? `count/${resource}.${group}` : `count/${resource}`);

/** Models the evaluators' MatchingResources: the names of `hard` an object of this resource is charged for. */
export function matchingResources(group: string, resource: string, names: string[]): string[] {
  return names.filter((name) => {
    if (name === countName(group, resource)) return true;
    if (group !== '') return false;
    if (resource === 'pods') return name === 'pods' || POD_COMPUTE.test(name);
    if (resource === 'services') return name === 'services' || name === 'services.nodeports' || name === 'services.loadbalancers';
    return LEGACY_COUNTED.includes(resource) && name === resource;
  });
}

/** Models QuotaV1Pod: pods that finished (or whose grace period ran out) no longer hold compute resources. */
function isQuotaPod(pod: Pod, nowMs: number): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  const deletion = pod.metadata?.deletionTimestamp;
  if (deletion && pod.metadata?.deletionGracePeriodSeconds !== undefined) {
    return nowMs <= Date.parse(deletion) + pod.metadata.deletionGracePeriodSeconds * 1000;
  }
  return true;
}

/** Models podComputeUsageHelper. */
function podComputeUsage(pod: Pod): ResourceList {
  const usage: ResourceList = { pods: '1' };
  const requests = podRequests(pod);
  const limits = podLimits(pod);
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    if (requests[name] !== undefined) usage[name] = usage[`requests.${name}`] = requests[name]!;
    if (limits[name] !== undefined) usage[`limits.${name}`] = limits[name]!;
  }
  for (const [name, value] of Object.entries(requests)) if (name.startsWith('hugepages-')) usage[`requests.${name}`] = value;
  return usage;
}

/** The usage of one object, every name it may be charged for. */
export function objectUsage(group: string, resource: string, obj: KubeObject, nowMs: number): ResourceList {
  const usage: ResourceList = { [countName(group, resource)]: '1' };
  if (group !== '') return usage;
  if (resource === 'pods') return isQuotaPod(obj as Pod, nowMs) ? addLists(usage, podComputeUsage(obj as Pod)) : usage;
  if (LEGACY_COUNTED.includes(resource)) usage[resource] = '1';
  if (resource === 'services') {
    const spec = (obj as Service).spec ?? {};
    const withNodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
    usage['services.nodeports'] = String(withNodePorts ? (spec.ports ?? []).length : 0);
    usage['services.loadbalancers'] = spec.type === 'LoadBalancer' ? '1' : '0';
  }
  return usage;
}

/** Models the pod evaluator's scope matching; any other kind matches only unscoped quotas. */
export function quotaMatchesScopes(quota: ResourceQuota, group: string, resource: string, obj: KubeObject): boolean {
  const scopes = quota.spec?.scopes ?? [];
  const expressions = quota.spec?.scopeSelector?.matchExpressions ?? [];
  if (scopes.length === 0 && expressions.length === 0) return true;
  if (group !== '' || resource !== 'pods') return false;
  const pod = obj as Pod;
  const bestEffort = podQOSClass(pod.spec) === 'BestEffort';
  const terminating = pod.spec?.activeDeadlineSeconds !== undefined && pod.spec.activeDeadlineSeconds >= 0;
  const matchScope = (scope: string): boolean => {
    if (scope === 'BestEffort') return bestEffort;
    if (scope === 'NotBestEffort') return !bestEffort;
    if (scope === 'Terminating') return terminating;
    if (scope === 'NotTerminating') return !terminating;
    if (scope === 'PriorityClass') return !!pod.spec?.priorityClassName;
    return false;
  };
  if (!scopes.every(matchScope)) return false;
  return expressions.every((expr) => {
    if (expr.scopeName !== 'PriorityClass') return matchScope(expr.scopeName) === (expr.operator !== 'DoesNotExist');
    const name = pod.spec?.priorityClassName ?? '';
    if (expr.operator === 'In') return (expr.values ?? []).includes(name);
    if (expr.operator === 'NotIn') return !(expr.values ?? []).includes(name);
    if (expr.operator === 'Exists') return name !== '';
    return name === '';
  });
}
