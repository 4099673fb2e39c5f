/** Leases (coordination.k8s.io/v1): ValidateLease and printLease. */
import type { Lease } from 'kubernetes-types/coordination/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goValue, invalid } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { stableUid } from '../object-identity.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

function validateLease(obj: KubeObject): FieldError[] {
  const lease = obj as Lease;
  const errs = validateObjectMeta(lease.metadata, isDNS1123Subdomain);
  const spec = lease.spec ?? {};
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0)
    errs.push(invalid('spec.leaseDurationSeconds', goValue(spec.leaseDurationSeconds), 'must be greater than 0'));
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0)
    errs.push(invalid('spec.leaseTransitions', goValue(spec.leaseTransitions), 'must be greater than or equal to 0'));
  return errs;
}

export const leaseDefinition: ResourceDefinition = {
  info: {
    group: 'coordination.k8s.io',
    version: 'v1',
    name: 'leases',
    singularName: 'lease',
    kind: 'Lease',
    namespaced: true,
    shortNames: [],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  // Node leases come with the nodes, before any workload: a uid of their own keeps the cluster's seeded sequence.
  stableUid: (obj) => stableUid(`lease/${obj.metadata?.namespace}/${obj.metadata?.name}`),
  validateCreate: validateLease,
  validateUpdate: validateLease,
  tableColumns: [nameColumn(), column('Holder', 'holderIdentity contains the identity of the holder of a current lease.'), ageColumn()],
  tableRow: (obj, ctx) => {
    const lease = obj as Lease;
    return [lease.metadata?.name ?? '', lease.spec?.holderIdentity ?? '', translateTimestampSince(lease.metadata?.creationTimestamp, ctx.nowMs)];
  },
};
