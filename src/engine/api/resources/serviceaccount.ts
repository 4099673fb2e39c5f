/** ServiceAccounts (core/v1): ValidateServiceAccount and printServiceAccount. */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { stableUid } from '../object-identity.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

const SECRETS_DESCRIPTION =
  'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". The "kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret';

export const serviceAccountDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'serviceaccounts',
    singularName: 'serviceaccount',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: ['token'],
  },
  // The same id the projected tokens of pods name in their claims.
  stableUid: (obj) => stableUid(`serviceaccount/${obj.metadata?.namespace}/${obj.metadata?.name}`),
  validateCreate: (obj) => validateObjectMeta(obj.metadata, isDNS1123Subdomain),
  validateUpdate: (obj) => validateObjectMeta(obj.metadata, isDNS1123Subdomain),
  tableColumns: [nameColumn(), column('Secrets', SECRETS_DESCRIPTION, { type: 'integer' }), ageColumn()],
  tableRow: (obj, ctx) => {
    const sa = obj as ServiceAccount;
    return [sa.metadata?.name ?? '', (sa.secrets ?? []).length, translateTimestampSince(sa.metadata?.creationTimestamp, ctx.nowMs)];
  },
};
