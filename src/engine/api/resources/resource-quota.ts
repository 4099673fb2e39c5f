/** ResourceQuotas (core/v1): ValidateResourceQuota, the strategy's status handling and printResourceQuota. */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goValue, invalid, notSupported } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { canonicalList, compareValues, quantityOf } from './resource-list.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

const INTEGER_RESOURCES = [
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
];
const STANDARD_QUOTA_RESOURCES = new Set([
  ...INTEGER_RESOURCES,
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
]);
export const QUOTA_SCOPES = ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating', 'VolumeAttributesClass'];

const isIntegerResource = (name: string) => INTEGER_RESOURCES.includes(name) || name.startsWith('count/');

/** Models validateResourceQuotaResourceName and ValidateResourceQuantityValue for one list. */
function validateQuotaList(list: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const name of Object.keys(list ?? {}).sort()) {
    const field = `${path}[${name}]`;
    if (!name.includes('/') && !STANDARD_QUOTA_RESOURCES.has(name) && !/^(requests\.)?hugepages-/.test(name))
      errs.push(invalid(field, goValue(name), 'must be a standard resource for quota'));
    const value = String(list![name]);
    if (compareValues(value, '0') < 0) errs.push(invalid(field, goValue(value), 'must be greater than or equal to 0'));
    const q = quantityOf(value);
    if (q && isIntegerResource(name) && q.e < 0 && q.n % 10n ** BigInt(-q.e) !== 0n) errs.push(invalid(field, goValue(value), 'must be an integer'));
  }
  return errs;
}

function validateResourceQuota(obj: KubeObject): FieldError[] {
  const quota = obj as ResourceQuota;
  const errs = validateObjectMeta(quota.metadata, isDNS1123Subdomain);
  errs.push(...validateQuotaList(quota.spec?.hard as Record<string, string> | undefined, 'spec.hard'));
  (quota.spec?.scopes ?? []).forEach((scope, i) => {
    if (!QUOTA_SCOPES.includes(scope)) errs.push(notSupported(`spec.scopes[${i}]`, goValue(scope), QUOTA_SCOPES));
  });
  errs.push(...validateQuotaList(quota.status?.hard as Record<string, string> | undefined, 'status.hard'));
  errs.push(...validateQuotaList(quota.status?.used as Record<string, string> | undefined, 'status.used'));
  return errs;
}

function canonicalizeQuota(obj: KubeObject): void {
  const quota = obj as { spec?: { hard?: Record<string, string> }; status?: { hard?: Record<string, string>; used?: Record<string, string> } };
  if (quota.spec?.hard) quota.spec.hard = canonicalList(quota.spec.hard)!;
  if (quota.status?.hard) quota.status.hard = canonicalList(quota.status.hard)!;
  if (quota.status?.used) quota.status.used = canonicalList(quota.status.used)!;
}

/** Models printResourceQuota: `name: used/hard` pairs, `limits.*` in LIMIT and every other one in REQUEST. */
function quotaCells(quota: ResourceQuota): [string, string] {
  const request: string[] = [];
  const limit: string[] = [];
  const hard = (quota.status?.hard ?? {}) as Record<string, string>;
  const used = (quota.status?.used ?? {}) as Record<string, string>;
  for (const name of Object.keys(quota.spec?.hard ?? {}).sort()) {
    const cell = `${name}: ${used[name] ?? '0'}/${hard[name] ?? '0'}`;
    (name.split('.').length > 1 && name.split('.')[0] === 'limits' ? limit : request).push(cell);
  }
  return [request.join(', '), limit.join(', ')];
}

export const resourceQuotaDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'resourcequotas',
    singularName: 'resourcequota',
    kind: 'ResourceQuota',
    namespaced: true,
    shortNames: ['quota'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: ['status'],
  },
  applyDefaults: canonicalizeQuota,
  // The strategy's PrepareForCreate: status is the quota controller's to write.
  admitCreate: (obj) => {
    delete obj.status;
  },
  validateCreate: validateResourceQuota,
  validateUpdate: validateResourceQuota,
  tableColumns: [
    nameColumn(),
    ageColumn(),
    column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
  ],
  tableRow: (obj, ctx) => {
    const quota = obj as ResourceQuota;
    return [quota.metadata?.name ?? '', translateTimestampSince(quota.metadata?.creationTimestamp, ctx.nowMs), ...quotaCells(quota)];
  },
};
